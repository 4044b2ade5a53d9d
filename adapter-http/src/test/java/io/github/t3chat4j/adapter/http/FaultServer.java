package io.github.t3chat4j.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A byte-level server on 127.0.0.1 that answers every request by running a script over the raw
 * connection (headers then silence, comments only, a flood, an endless line…), each on its own thread.
 * The script ends when the client goes away (a write fails) or it returns.
 */
public final class FaultServer implements AutoCloseable {

    /** What the server does with one connection after it read the request's head. */
    @FunctionalInterface
    public interface Script {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Script script;

    public FaultServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::serve, "fault-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** The head of an event-stream answer of t3.chat, chunked. */
    public static byte[] eventStreamHead() {
        return ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nx-vercel-ai-ui-message-stream: v1\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code text} as one HTTP chunk. */
    public static byte[] chunk(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] head = (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + bytes.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bytes, 0, out, head.length, bytes.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    /** One text-delta event of the UI message stream, as its SSE lines. */
    public static String textDelta(String text) {
        return "data: {\"type\":\"text-delta\",\"id\":\"t\",\"delta\":\"" + text + "\"}\n\n";
    }

    private void serve() {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return;
            }
            Thread worker = new Thread(() -> answer(client), "fault-server-connection");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void answer(Socket client) {
        try (client) {
            readHead(client.getInputStream());
            OutputStream out = client.getOutputStream();
            script.answer(out);
            out.flush();
        } catch (IOException | InterruptedException clientGone) {
            // The client went away (or timed out): the script is over.
        }
    }

    /** Reads the request's head and body (closing with unread input would reset the connection). */
    private static void readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).strip()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
