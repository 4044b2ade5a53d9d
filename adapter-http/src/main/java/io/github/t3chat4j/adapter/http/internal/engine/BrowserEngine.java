package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.browser.BrowserExecutables;
import io.github.t3chat4j.adapter.http.internal.browser.BrowserProcess;
import io.github.t3chat4j.application.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The engine of the {@code browser} transport: requests to t3.chat are carried out inside a real
 * Chromium-family browser of the user's (Chrome, Chromium, Edge, Brave), headless, with a private
 * profile of its own that holds nothing but the t3.chat session, so that t3.chat's edge sees a
 * browser's TLS and HTTP/2 fingerprint and its JavaScript challenge runs. The browser starts on the first
 * request and loads t3.chat once ({@link BrowserPage}); each request is then a {@code fetch} in that
 * page, its body streamed back as it arrives. Requests that carry the session's cookie run in a page
 * whose cookie jar holds it; those without (the site's scripts, images) in a second page of a separate,
 * cookie-less browser context. Requests to other hosts (image storage) go through the JVM's client:
 * the edge checkpoint guards t3.chat only. Closing ends the browser and deletes its profile. Thread-safe.
 */
public final class BrowserEngine implements HttpEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EngineOptions options;
    private final Map<String, String> environment;
    private final BrowserExecutables.Found program;
    private final List<String> flags;
    private final String origin;
    private final Object lock = new Object();
    private BrowserProcess browser;
    private BrowserPage signedIn;
    private BrowserPage anonymous;
    private BrowserPage.Agent agent;
    private HttpEngine elsewhere;
    private volatile boolean closed;

    private BrowserEngine(EngineOptions options, Map<String, String> environment, BrowserExecutables.Found program,
            List<String> flags) {
        this.options = options;
        this.environment = Map.copyOf(environment);
        this.program = program;
        this.flags = List.copyOf(flags);
        this.origin = origin(options.site());
    }

    /**
     * An engine that will run the browser {@code options} name, or the first one installed; nothing starts
     * before the first request.
     *
     * @throws InvalidInputException when there is no such browser here, or the options cannot work with it
     *     (a proxy that needs a password, which would have to go on the browser's command line)
     */
    public static BrowserEngine create(EngineOptions options, Map<String, String> environment) {
        requireNonNull(options, "options == null");
        requireNonNull(environment, "environment == null");
        BrowserExecutables executables = BrowserExecutables.of(environment);
        BrowserExecutables.Found program = executables.find(options.browser())
                .orElseThrow(() -> new InvalidInputException("The browser transport needs a Chromium-family browser:"
                        + " " + executables.lookedFor(options.browser()) + ". Install Google Chrome or Chromium, or"
                        + " name one with --browser NAME|PATH (T3_BROWSER)."));
        return new BrowserEngine(options, environment, program, flags(options));
    }

    @Override
    public EngineResponse execute(EngineRequest request) throws IOException {
        requireNonNull(request, "request == null");
        if (closed) {
            throw new IllegalStateException("The HTTP adapters are closed.");
        }
        if (!origin(request.uri()).equals(origin)) {
            return elsewhere().execute(request);
        }
        // The browser's start and the page's first load count against the head's deadline, as a connection does.
        HeadDeadline deadline = new HeadDeadline(request.timeouts());
        boolean withSession = request.header("Cookie").isPresent();
        return page(withSession, request.timeouts()).fetch(request, deadline);
    }

    /** The page for requests with (or without) the session, opened and loaded on first use. */
    private BrowserPage page(boolean withSession, Timeouts timeouts) throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("The HTTP adapters are closed.");
            }
            if (browser != null && !browser.isAlive()) {
                // The browser crashed or was killed: start afresh.
                browser.close();
                browser = null;
                signedIn = null;
                anonymous = null;
            }
            if (browser == null) {
                Duration startup = timeouts.connect().plus(timeouts.read());
                try {
                    browser = BrowserProcess.launch(program.program(), flags, environment, startup, JSON);
                } catch (IOException e) {
                    throw new RequestNotSentException(false, new IOException("The browser transport could not start "
                            + program.name() + " (" + e.getMessage() + ")", e));
                }
            }
            BrowserPage page = withSession ? signedIn : anonymous;
            if (page == null || !page.isAlive()) {
                page = BrowserPage.open(browser.cdp(), options.site(), !withSession, agent, timeouts);
                agent = page.agent();
                if (withSession) {
                    signedIn = page;
                } else {
                    anonymous = page;
                }
            }
            return page;
        }
    }

    private HttpEngine elsewhere() throws IOException {
        synchronized (lock) {
            if (elsewhere == null) {
                try {
                    elsewhere = ApacheAsyncEngine.create(options);
                } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                    throw new IOException("Hosts other than t3.chat are reached with the JVM's client, which cannot"
                            + " run here: " + e.getMessage(), e);
                }
            }
            return elsewhere;
        }
    }

    /** The browser's process, once started (tests look at its command line and profile). */
    public Optional<BrowserProcess> process() {
        synchronized (lock) {
            return Optional.ofNullable(browser);
        }
    }

    @Override
    public String name() {
        return "browser";
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (browser != null) {
                browser.close();
                browser = null;
            }
            if (elsewhere != null) {
                elsewhere.close();
                elsewhere = null;
            }
            signedIn = null;
            anonymous = null;
        }
    }

    @Override
    public String toString() {
        return "BrowserEngine[" + program.name() + (closed ? ", closed" : "") + "]";
    }

    /**
     * The browser's flags for {@code options}: the proxy t3.chat is reached through (its address only), the
     * certificates to trust, and host rules that keep the browser's own services (updates, time, sign-in,
     * telemetry of Google, Microsoft and Brave) from reaching anything: it talks to t3.chat and what the
     * page itself loads. A test's host mapping comes first.
     */
    static List<String> flags(EngineOptions options) {
        List<String> flags = new ArrayList<>();
        Optional<ProxyEndpoint> proxy = options.proxies().select(options.site());
        if (proxy.isPresent()) {
            if (proxy.get().hasCredentials()) {
                throw new InvalidInputException("The browser transport cannot use a proxy that needs a password"
                        + " (it would have to go on the browser's command line, which other users can read); use the"
                        + " java or curl transport with this proxy.");
            }
            flags.add("--proxy-server=" + proxy.get().address());
            // Chromium reaches loopback hosts directly unless told otherwise (ProxyRules already decided), and
            // the browser's own services bypass the proxy only to meet the host rules below.
            flags.add("--proxy-bypass-list=<-loopback>;" + String.join(";", VENDOR_SERVICES));
        } else {
            flags.add("--no-proxy-server");
        }
        options.trustedCertificates().ifPresent(pem -> flags.add("--ignore-certificate-errors-spki-list="
                + String.join(",", spkiHashes(pem))));
        List<String> rules = new ArrayList<>();
        if (!options.hostResolverRules().isBlank()) {
            rules.add(options.hostResolverRules().strip());
        }
        VENDOR_SERVICES.forEach(domain -> rules.add("MAP " + domain + " ~NOTFOUND"));
        flags.add("--host-resolver-rules=" + String.join(", ", rules));
        return flags;
    }

    /** Where browsers phone home (updates, network time, account sign-in, variations, safe browsing, telemetry). */
    static final List<String> VENDOR_SERVICES = List.of("google.com", "*.google.com", "*.googleapis.com",
            "*.gstatic.com", "*.gvt1.com", "*.gvt2.com", "*.googleusercontent.com", "*.microsoft.com",
            "*.msedge.net", "*.bing.com", "*.brave.com", "*.bravesoftware.com");

    /**
     * The SHA-256 of each certificate's public key, in base64: how Chromium is told to accept exactly these
     * certificates (as the other engines trust only this PEM file).
     */
    static List<String> spkiHashes(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<String> hashes = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
                hashes.add(Base64.getEncoder().encodeToString(digest));
            }
            if (hashes.isEmpty()) {
                throw new InvalidInputException("No certificate in " + pem.getFileName() + ".");
            }
            return hashes;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidInputException("The certificates to trust could not be read: " + e.getMessage());
        }
    }

    /** {@code scheme://host[:port]} in lower case, without a default port. */
    static String origin(java.net.URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
