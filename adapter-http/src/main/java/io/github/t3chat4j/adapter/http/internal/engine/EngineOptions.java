package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What every engine is built with besides the requests: the proxy rules, the certificates to trust
 * instead of the defaults (a PEM file), and the {@code curl} command for the curl engine.
 */
public record EngineOptions(ProxyRules proxies, Optional<Path> trustedCertificates, String curl) {

    public EngineOptions {
        requireNonNull(proxies, "proxies == null");
        requireNonNull(trustedCertificates, "trustedCertificates == null");
        requireNonNull(curl, "curl == null");
    }

    /** No proxy, default trust, the {@code curl} on the {@code PATH}. */
    public static EngineOptions defaults() {
        return new EngineOptions(ProxyRules.none(), Optional.empty(), "curl");
    }

    public EngineOptions withProxies(ProxyRules value) {
        return new EngineOptions(value, trustedCertificates, curl);
    }

    public EngineOptions withTrustedCertificates(Path value) {
        return new EngineOptions(proxies, Optional.of(value), curl);
    }

    public EngineOptions withCurl(String value) {
        return new EngineOptions(proxies, trustedCertificates, value);
    }
}
