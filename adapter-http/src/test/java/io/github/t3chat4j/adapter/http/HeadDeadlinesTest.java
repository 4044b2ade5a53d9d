package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.http.internal.wiring.OpenedHttpAdapters;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.testkit.TestCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that sends its status line, then one header byte a second, never finishing the head: the
 * first-byte and total deadlines cover the head too, on every engine, over plain HTTP and TLS. The
 * {@code @Timeout} only guards against a hang (before, such a reply never ended).
 */
class HeadDeadlinesTest {

    static Stream<Arguments> engines() {
        return Stream.of(Arguments.of(HttpConfig.Transport.JAVA, false), Arguments.of(HttpConfig.Transport.JAVA, true),
                Arguments.of(HttpConfig.Transport.CURL, false), Arguments.of(HttpConfig.Transport.CURL, true));
    }

    @ParameterizedTest(name = "{0}, TLS {1}")
    @MethodSource("engines")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endsAHeadDribbledAByteASecond_atTheFirstByteTimeout(HttpConfig.Transport transport, boolean tls)
            throws Exception {
        try (DribblingServer server = new DribblingServer(tls);
                OpenedHttpAdapters http = Fixtures.open(config(server, transport)
                        .withFirstByteTimeout(Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> http.chat().open(Fixtures.request()).close())
                    .isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).remedy()).contains(Remedy.FIRST_BYTE_TIMEOUT));
        }
    }

    @ParameterizedTest(name = "{0}, TLS {1}")
    @MethodSource("engines")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endsAHeadDribbledAByteASecond_atTheTotalTimeout_whenThatComesFirst(HttpConfig.Transport transport,
            boolean tls) throws Exception {
        try (DribblingServer server = new DribblingServer(tls);
                OpenedHttpAdapters http = Fixtures.open(config(server, transport)
                        .withFirstByteTimeout(Duration.ofMinutes(5)).withTotalTimeout(Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> http.chat().open(Fixtures.request()).close())
                    .isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((TransportException) e).remedy()).contains(Remedy.TOTAL_TIMEOUT));
        }
    }

    private static HttpConfig config(DribblingServer server, HttpConfig.Transport transport) {
        HttpConfig config = Fixtures.config(server.baseUrl()).withMaxRetries(0).withTransport(transport);
        return server.tls ? config.withTrustedCertificates(TestCertificate.shared().pemFile()) : config;
    }

    /** Answers every request with a status line, then a header that grows by one byte a second. */
    private static final class DribblingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final boolean tls;

        DribblingServer(boolean tls) throws IOException {
            this.tls = tls;
            this.socket = tls ? TestCertificate.shared().serverContext().getServerSocketFactory()
                    .createServerSocket(0, 10, InetAddress.getLoopbackAddress())
                    : new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            if (socket instanceof SSLServerSocket secure) {
                secure.setUseClientMode(false);
            }
            Thread acceptor = new Thread(this::serve, "dribbling-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI baseUrl() {
            return URI.create((tls ? "https://localhost:" : "http://127.0.0.1:") + socket.getLocalPort());
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread worker = new Thread(() -> dribble(client), "dribbling-connection");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void dribble(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                int matched = 0;
                byte[] end = {'\r', '\n', '\r', '\n'};
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 0; i < 600; i++) {
                    Thread.sleep(1_000);
                    out.write('a');
                    out.flush();
                }
            } catch (IOException | InterruptedException gone) {
                // The client gave up: that is the point.
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
