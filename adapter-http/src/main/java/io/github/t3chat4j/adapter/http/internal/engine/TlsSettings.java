package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of the JVM engine, as close to a current Chrome as JSSE allows: TLS 1.3 and 1.2 only,
 * Chrome's cipher suites in Chrome's order (those this JVM supports), ALPN {@code h2} then
 * {@code http/1.1} (set by the client). What JSSE cannot do (GREASE, Chrome's extension order and
 * groups, the JA3/JA4 fingerprint) is listed in docs/REACH.md. Optionally trusts only the certificates
 * of a PEM file.
 */
public final class TlsSettings {

    /** TLS versions, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Chrome's cipher suites in its order, by their JSSE names. */
    static final List<String> CHROME_CIPHERS = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_256_CBC_SHA");

    private final SSLContext context;
    private final List<String> ciphers;

    private TlsSettings(SSLContext context, List<String> ciphers) {
        this.context = context;
        this.ciphers = ciphers;
    }

    /**
     * The settings trusting the JVM's certificates, or only those of the PEM file {@code trusted}.
     *
     * @throws IOException when the file cannot be read or holds no certificate
     */
    public static TlsSettings create(Optional<Path> trusted) throws IOException {
        requireNonNull(trusted, "trusted == null");
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trusted.isEmpty() ? null : trustOnly(trusted.get()).getTrustManagers(), null);
            SSLEngine probe = context.createSSLEngine();
            Set<String> enabled = Set.of(probe.getEnabledCipherSuites());
            List<String> ciphers = CHROME_CIPHERS.stream().filter(enabled::contains).toList();
            return new TlsSettings(context, ciphers);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS could not be set up: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trustOnly(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            if (i == 0) {
                throw new IOException("No certificate in " + pem.getFileName() + ".");
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    public SSLContext context() {
        return context;
    }

    /** Chrome's cipher suites this JVM has enabled, in Chrome's order. */
    public String[] ciphers() {
        return ciphers.toArray(String[]::new);
    }

    public String[] protocols() {
        return PROTOCOLS.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "TlsSettings" + Arrays.toString(protocols()) + ciphers;
    }
}
