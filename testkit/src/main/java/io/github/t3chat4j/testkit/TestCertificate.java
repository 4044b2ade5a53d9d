package io.github.t3chat4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code t3.chat} (for a browser
 * that maps the site's name to loopback), made at test time with the
 * JDK's {@code keytool} (EC P-256, valid for two days) and shared by every secure fake server of the
 * JVM. Clients trust it through {@link #pemFile()}; nothing else does.
 */
public final class TestCertificate {

    private static TestCertificate shared;

    private final Path pemFile;
    private final SSLContext serverContext;

    private TestCertificate(Path pemFile, SSLContext serverContext) {
        this.pemFile = pemFile;
        this.serverContext = serverContext;
    }

    /** The certificate of this JVM, made on the first call. */
    public static synchronized TestCertificate shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    /** The certificate as PEM, for clients to trust (curl's {@code --cacert}, a trust store). */
    public Path pemFile() {
        return pemFile;
    }

    /** A server-side TLS context holding the key. */
    public SSLContext serverContext() {
        return serverContext;
    }

    private static TestCertificate create() {
        try {
            Path folder = Files.createTempDirectory("t3chat4j-cert-");
            folder.toFile().deleteOnExit();
            Path store = folder.resolve("server.p12");
            Path pem = folder.resolve("server.pem");
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            keytool(password, "-genkeypair", "-alias", "fake-t3", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,dns:t3.chat",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass:env", "T3_TEST_STOREPASS", "-keypass:env", "T3_TEST_STOREPASS");
            keytool(password, "-exportcert", "-rfc", "-alias", "fake-t3", "-keystore", store.toString(),
                    "-storepass:env", "T3_TEST_STOREPASS", "-file", pem.toString());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password.toCharArray());
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            store.toFile().deleteOnExit();
            pem.toFile().deleteOnExit();
            return new TestCertificate(pem, context);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the test certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not load the test certificate", e);
        }
    }

    /** Runs the JDK's keytool; the store password goes through its environment, never its arguments. */
    private static void keytool(String password, String... args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("T3_TEST_STOREPASS", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", e);
        }
    }
}
