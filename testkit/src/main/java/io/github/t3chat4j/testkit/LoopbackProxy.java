package io.github.t3chat4j.testkit;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP proxy on 127.0.0.1 for tests: {@code CONNECT} tunnels (for https targets) and plain
 * forwarding of absolute-form requests (for http targets), optionally behind Basic authentication
 * (407 with a {@code Proxy-Authenticate} challenge until the right {@code Proxy-Authorization} comes).
 * It only reaches loopback targets. Records what it was asked, never the credentials.
 */
public final class LoopbackProxy implements AutoCloseable {

    /** One request the proxy received: {@code CONNECT 127.0.0.1:443} or {@code GET http://…}, and whether it let it through. */
    public record ProxiedRequest(String method, String target, boolean authorized) {
    }

    private final ServerSocket socket;
    private final ExecutorService executor;
    private final String expectedAuthorization;
    private final List<ProxiedRequest> requests = new CopyOnWriteArrayList<>();

    private LoopbackProxy(ServerSocket socket, ExecutorService executor, String expectedAuthorization) {
        this.socket = socket;
        this.executor = executor;
        this.expectedAuthorization = expectedAuthorization;
    }

    /** A proxy without authentication. */
    public static LoopbackProxy start() {
        return start(null, null);
    }

    /** A proxy that wants Basic authentication as {@code user}/{@code password} (both null: none). */
    public static LoopbackProxy start(String user, String password) {
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            AtomicInteger count = new AtomicInteger();
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "loopback-proxy-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            String expected = user == null ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + requireNonNull(password, "password == null"))
                            .getBytes(StandardCharsets.UTF_8));
            LoopbackProxy proxy = new LoopbackProxy(socket, executor, expected);
            executor.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the loopback proxy", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Every request received, in order. */
    public List<ProxiedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests that were let through. */
    public List<ProxiedRequest> passed() {
        return requests.stream().filter(ProxiedRequest::authorized).toList();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        executor.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                executor.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] requestLine = head.get(0).split(" ", 3);
                if (requestLine.length < 3) {
                    return;
                }
                String method = requestLine[0].toUpperCase(Locale.ROOT);
                String target = requestLine[1];
                long length = header(head, "content-length").map(v -> Long.parseLong(v.strip())).orElse(0L);
                boolean authorized = expectedAuthorization == null
                        || header(head, "proxy-authorization").map(String::strip).filter(expectedAuthorization::equals)
                                .isPresent();
                requests.add(new ProxiedRequest(method, target, authorized));
                if (!authorized) {
                    in.readNBytes((int) length);
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
                            + " realm=\"t3chat4j-test\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                if (method.equals("CONNECT")) {
                    tunnel(target, in, out);
                } else {
                    forward(method, target, requestLine[2], head, in.readNBytes((int) length), out);
                }
                return;
            }
        } catch (IOException | RuntimeException gone) {
            // A client or target that went away ends this connection only.
        }
    }

    private void tunnel(String authority, InputStream clientIn, OutputStream clientOut) throws IOException {
        int colon = authority.lastIndexOf(':');
        try (Socket target = connect(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
            clientOut.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            clientOut.flush();
            Thread upstream = new Thread(() -> pump(clientIn, target), "loopback-proxy-up");
            upstream.setDaemon(true);
            upstream.start();
            pump(target.getInputStream(), clientOut);
        }
    }

    private static void pump(InputStream from, Socket to) {
        try {
            pump(from, to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException gone) {
            // The other side ends the tunnel.
        }
    }

    private static void pump(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException gone) {
            // Either side closed: the tunnel is over.
        }
    }

    /** Sends the request in origin form with {@code Connection: close}, and relays the answer (marked so too). */
    private void forward(String method, String target, String version, List<String> head, byte[] body,
            OutputStream clientOut) throws IOException {
        URI uri = URI.create(target);
        try (Socket upstream = connect(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort())) {
            StringBuilder request = new StringBuilder(method).append(' ')
                    .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(' ').append(version)
                    .append("\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, Math.max(0, line.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    request.append(line).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = upstream.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = upstream.getInputStream();
            List<String> answer = readHead(in);
            StringBuilder relayed = new StringBuilder();
            for (String line : answer) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    relayed.append(line).append("\r\n");
                }
            }
            relayed.append("Connection: close\r\n\r\n");
            clientOut.write(relayed.toString().getBytes(StandardCharsets.ISO_8859_1));
            clientOut.flush();
            pump(in, clientOut);
        }
    }

    private static Socket connect(String host, int port) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress()) {
            throw new IOException("The loopback proxy only reaches loopback targets.");
        }
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), 5000);
        return socket;
    }

    private static Optional<String> header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** The lines of a head up to the blank line; empty at the end of the stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return List.of();
    }
}
