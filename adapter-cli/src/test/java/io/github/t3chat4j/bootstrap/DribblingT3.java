package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A byte-level t3.chat on 127.0.0.1 that renews the session as usual, but answers a chat with its
 * status line and then one header byte a second, never finishing the head. Closing it drops every
 * connection.
 */
final class DribblingT3 implements AutoCloseable {

    private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private volatile int chats;

    DribblingT3() throws IOException {
        Thread acceptor = new Thread(this::serve, "dribbling-t3");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** How many chat requests have arrived (and are being dribbled to). */
    int chats() {
        return chats;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                Thread worker = new Thread(() -> answer(client), "dribbling-t3-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client) {
            String head = readHead(client.getInputStream());
            OutputStream out = client.getOutputStream();
            if (head.startsWith("POST /api/chat ")) {
                chats++;
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
            // The client gave up, or the server was closed.
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
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).strip()));
            }
        }
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
