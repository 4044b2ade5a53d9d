package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The deadline and size flags reach the requests, and their advice names them (#11 row 3). */
class DeadlineFlagsTest {

    private final FakeT3Server server = FakeT3Server.start();

    @TempDir
    Path home;

    private InProcessT3 t3;

    @BeforeEach
    void signIn() {
        t3 = InProcessT3.signedIn(home, server, "deadlines");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void endsAReplyThatStalls_afterTheIdleTimeoutOfTheCommandLine_keepingWhatArrived() {
        server.defaultChat(Scenarios.slow(3_000));

        int code = t3.run("--idle-timeout", "300ms", "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.NETWORK);
        assertThat(t3.out()).startsWith("slow ");
        assertThat(t3.err()).contains("no reply data for 300 ms").contains("--idle-timeout");
    }

    @Test
    void takesTheTotalTimeoutFromTheEnvironment() {
        server.defaultChat(Scenarios.slow(400));

        int code = t3.run(Map.of("T3_TIMEOUT", "500ms"), "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.NETWORK);
        assertThat(t3.err()).contains("longer than 500 ms in all").contains("--timeout");
    }

    @Test
    void refusesAReplySizeItCouldNotHoldOrReadBack_namingTheCeiling() {
        int code = t3.run("--max-reply-size", "2GiB", "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("at most 1GiB").contains("--max-reply-size");
        assertThat(server.requests("/api/chat")).isEmpty();
    }

    @Test
    void refusesADurationItCannotRead_namingTheSetting() {
        int code = t3.run("--timeout", "soon", "ask", "hi");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("T3_TIMEOUT must be a duration").contains("30s");
        assertThat(server.requests("/api/chat")).isEmpty();
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endsAnAnswerHeadDribbledAByteASecond_atTheFirstByteTimeout_onBothTransports() throws Exception {
        try (DribblingT3 dribbling = new DribblingT3()) {
            InProcessT3 signedIn = InProcessT3.signedIn(home, dribbling.baseUrl(), "deadlines");
            for (String transport : List.of("java", "curl")) {
                int code = signedIn.run("--transport", transport, "--first-byte-timeout", "2s", "--timeout", "5m",
                        "ask", "hi");

                assertThat(code).as(transport + ": " + signedIn.err()).isEqualTo(ExitCode.NETWORK);
                assertThat(signedIn.err()).as(transport).contains("--first-byte-timeout");
            }
        }
    }

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endsAnAnswerHeadDribbledAByteASecond_atTheTotalTimeout_onBothTransports() throws Exception {
        try (DribblingT3 dribbling = new DribblingT3()) {
            InProcessT3 signedIn = InProcessT3.signedIn(home, dribbling.baseUrl(), "deadlines");
            for (String transport : List.of("java", "curl")) {
                int code = signedIn.run("--transport", transport, "--first-byte-timeout", "5m", "--timeout", "2s",
                        "ask", "hi");

                assertThat(code).as(transport + ": " + signedIn.err()).isEqualTo(ExitCode.NETWORK);
                assertThat(signedIn.err()).as(transport).contains("--timeout").contains("in all");
            }
        }
    }

    /**
     * A t3.chat that renews the session as usual, but answers a chat with its status line and then one
     * header byte a second, never finishing the head.
     */
    private static final class DribblingT3 implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());

        DribblingT3() throws IOException {
            Thread acceptor = new Thread(this::serve, "dribbling-t3");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        java.net.URI baseUrl() {
            return java.net.URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread worker = new Thread(() -> answer(client), "dribbling-t3-connection");
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void answer(Socket client) {
            try (client) {
                String head = readHead(client.getInputStream());
                OutputStream out = client.getOutputStream();
                if (head.startsWith("POST /api/chat ")) {
                    out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < 600; i++) {
                        Thread.sleep(1_000);
                        out.write('a');
                        out.flush();
                    }
                    return;
                }
                byte[] body = head.contains(FakeT3Server.ACTIVE_SESSIONS_PATH)
                        ? FakeT3Server.activeSessionsJsonl().getBytes(StandardCharsets.UTF_8) : new byte[0];
                out.write(((body.length > 0 ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found")
                        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException | InterruptedException gone) {
                // The client gave up.
            }
        }

        /** The request's head; its body is read and dropped. */
        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).strip()));
                }
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
