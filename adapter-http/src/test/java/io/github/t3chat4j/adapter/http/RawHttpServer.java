package io.github.t3chat4j.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A byte-level HTTP server on 127.0.0.1 for faults the fake server cannot express: it reads each request,
 * writes {@code response} verbatim and resets the connection (no terminating chunk).
 */
public final class RawHttpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] response;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public RawHttpServer(String response) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.response = response.getBytes(StandardCharsets.UTF_8);
        this.acceptor = new Thread(this::serve, "raw-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    public int connections() {
        return connections.get();
    }

    /** The head of every request received, as sent (request line and header fields, in their order). */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                heads.add(readRequest(client.getInputStream()));
                OutputStream out = client.getOutputStream();
                out.write(response);
                out.flush();
                client.setSoLinger(true, 0);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.US_ASCII);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.US_ASCII).toLowerCase();
        int at = headers.indexOf("content-length:");
        if (at >= 0) {
            int lineEnd = headers.indexOf('\r', at);
            int length = Integer.parseInt(headers.substring(at + "content-length:".length(), lineEnd).strip());
            in.readNBytes(length);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** {@code text} as one chunk of a chunked body. */
    public static String chunk(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Integer.toHexString(bytes.length) + "\r\n" + text + "\r\n";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
