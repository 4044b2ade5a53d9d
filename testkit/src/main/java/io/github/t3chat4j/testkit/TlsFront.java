package io.github.t3chat4j.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Stands in for {@code https://t3.chat} in front of a {@link FakeT3Server}, so that a real browser stores
 * cookies and local storage under the real origin: TLS with a fresh self-signed certificate for
 * {@code t3.chat}, on a loopback port that a browser reaches either directly (Chromium maps the host name
 * to it with {@code --host-resolver-rules}) or as its HTTP proxy ({@code CONNECT t3.chat:443}, for
 * Firefox; any other host is refused, so nothing leaves the machine). The decrypted bytes go to the fake
 * server. Closing stops it.
 */
public final class TlsFront implements AutoCloseable {

    private static final String PASSWORD = "t3chat4j-testkit";

    private final ServerSocket listener;
    private final SSLContext tls;
    private final X509Certificate certificate;
    private final int target;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tls-front");
        t.setDaemon(true);
        return t;
    });

    private TlsFront(ServerSocket listener, SSLContext tls, X509Certificate certificate, int target) {
        this.listener = listener;
        this.tls = tls;
        this.certificate = certificate;
        this.target = target;
    }

    /** Starts a front for {@code server}, making its certificate with the JDK's {@code keytool} in {@code work}. */
    public static TlsFront start(FakeT3Server server, Path work) {
        try {
            Path store = work.resolve("t3chat-tls.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "t3chat", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=t3.chat",
                    "-ext", "SAN=dns:t3.chat", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make a certificate: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(managers.getKeyManagers(), null, null);
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TlsFront front = new TlsFront(listener, tls, (X509Certificate) keys.getCertificate("t3chat"), server.port());
            front.threads.execute(front::acceptLoop);
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the TLS front", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not set up TLS", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making a certificate", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The SHA-256 fingerprint of the certificate, as Firefox's {@code cert_override.txt} writes it. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first < 0) {
                return;
            }
            byte[] consumed = {(byte) first};
            if (first == 'C') {
                String head = readHead(in, (char) first);
                if (!head.startsWith("CONNECT t3.chat:443 ")) {
                    client.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                consumed = new byte[0];
            }
            // A direct connection already gave its first TLS byte; hand it back to the TLS layer.
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client,
                    new ByteArrayInputStream(consumed), true);
            try (secure; Socket fake = new Socket(InetAddress.getLoopbackAddress(), target)) {
                threads.execute(() -> pump(secure, fake));
                pump(fake, secure);
            }
        } catch (IOException e) {
            // The browser closed the connection.
        }
    }

    private static String readHead(InputStream in, char first) throws IOException {
        StringBuilder head = new StringBuilder().append(first);
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0 || head.length() > 8192) {
                throw new IOException("no proxy request");
            }
            head.append((char) c);
        }
        return head.toString();
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // One side closed.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        threads.shutdownNow();
    }
}
