package io.github.t3chat4j.adapter.http.internal.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The config file curl reads from standard input ({@code --config -}) for one request: the URL, the
 * headers (the cookie among them), the proxy and its credentials, timeouts and output options. Nothing
 * of it appears on curl's command line, which other users can read in the process list. Values are
 * quoted as curl's config syntax wants ({@code \\} and {@code \"} escaped; headers hold no line breaks).
 */
final class CurlConfig {

    private final StringBuilder text = new StringBuilder();

    private CurlConfig() {
    }

    /**
     * The config of {@code request}.
     *
     * @param bodyFile where the body waits (a private file), or empty for a request without one
     * @param proxy the proxy to use, or empty to go direct (environment proxies are never consulted)
     * @param http2 whether to ask for HTTP/2 over TLS (only for https URLs and a curl that has it)
     */
    static String of(EngineRequest request, Optional<Path> bodyFile, Optional<ProxyEndpoint> proxy, boolean http2,
            Optional<Path> trustedCertificates) {
        CurlConfig config = new CurlConfig();
        config.flag("silent").flag("show-error").flag("no-buffer").flag("include").flag("suppress-connect-headers");
        config.flag(http2 ? "http2" : "http1.1");
        config.option("url", request.uri().toASCIIString());
        String method = request.method().toUpperCase(Locale.ROOT);
        if (bodyFile.isPresent()) {
            config.option("data-binary", "@" + bodyFile.get());
            if (!method.equals("POST")) {
                config.option("request", method);
            }
        } else if (!method.equals("GET")) {
            config.option("request", method);
        }
        for (Header header : request.headers()) {
            config.option("header", header.name() + ": " + header.value());
        }
        // curl would add "Expect: 100-continue" to larger bodies; a browser never does.
        config.option("header", "Expect:");
        if (request.followRedirects()) {
            config.flag("location").option("max-redirs", "10");
        }
        config.option("connect-timeout", seconds(request.timeouts().connect().toMillis()));
        // Aborts when fewer than 1 byte per second arrived over the read timeout: curl's "silent too long".
        config.option("speed-limit", "1").option("speed-time", Long.toString(
                Math.max(1, (request.timeouts().read().toMillis() + 999) / 1000)));
        if (proxy.isPresent()) {
            config.option("proxy", proxy.get().address());
            if (proxy.get().hasCredentials()) {
                config.option("proxy-user", proxy.get().user().orElse("") + ":" + proxy.get().password().orElse(""));
            }
        } else {
            config.option("noproxy", "*");
        }
        trustedCertificates.ifPresent(pem -> config.option("cacert", pem.toAbsolutePath().toString()));
        return config.text.toString();
    }

    private CurlConfig flag(String name) {
        text.append(name).append('\n');
        return this;
    }

    private CurlConfig option(String name, String value) {
        text.append(name).append(" = \"").append(quote(value)).append("\"\n");
        return this;
    }

    static String quote(String value) {
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("A curl option value cannot hold a line break.");
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
