package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every engine is built with besides the requests: the proxy rules, the certificates to trust
 * instead of the defaults (a PEM file), the {@code curl} command for the curl engine, and for the
 * browser engine the site whose page it loads and the browser to run.
 *
 * @param site the origin the browser engine loads once and makes its requests from ({@code https://t3.chat})
 * @param browser a browser by name ({@code chrome}, {@code chromium}, {@code edge}, {@code brave}) or the path
 *     of its program; empty for the first one installed
 * @param hostResolverRules Chromium's {@code --host-resolver-rules} (tests map {@code t3.chat} to loopback);
 *     empty for none
 */
public record EngineOptions(ProxyRules proxies, Optional<Path> trustedCertificates, String curl, URI site,
        Optional<String> browser, String hostResolverRules) {

    public EngineOptions {
        requireNonNull(proxies, "proxies == null");
        requireNonNull(trustedCertificates, "trustedCertificates == null");
        requireNonNull(curl, "curl == null");
        requireNonNull(site, "site == null");
        requireNonNull(browser, "browser == null");
        requireNonNull(hostResolverRules, "hostResolverRules == null");
    }

    /** No proxy, default trust, the {@code curl} on the {@code PATH}, https://t3.chat, the first browser found. */
    public static EngineOptions defaults() {
        return new EngineOptions(ProxyRules.none(), Optional.empty(), "curl", URI.create("https://t3.chat"),
                Optional.empty(), "");
    }

    public EngineOptions withProxies(ProxyRules value) {
        return new EngineOptions(value, trustedCertificates, curl, site, browser, hostResolverRules);
    }

    public EngineOptions withTrustedCertificates(Path value) {
        return new EngineOptions(proxies, Optional.of(value), curl, site, browser, hostResolverRules);
    }

    public EngineOptions withCurl(String value) {
        return new EngineOptions(proxies, trustedCertificates, value, site, browser, hostResolverRules);
    }

    public EngineOptions withSite(URI value) {
        return new EngineOptions(proxies, trustedCertificates, curl, value, browser, hostResolverRules);
    }

    public EngineOptions withBrowser(Optional<String> value) {
        return new EngineOptions(proxies, trustedCertificates, curl, site, value, hostResolverRules);
    }

    public EngineOptions withHostResolverRules(String value) {
        return new EngineOptions(proxies, trustedCertificates, curl, site, browser, value);
    }
}
