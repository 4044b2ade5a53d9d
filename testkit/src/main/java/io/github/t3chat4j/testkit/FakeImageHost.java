package io.github.t3chat4j.testkit;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A second origin that stands in for an image storage host: a real HTTP server on 127.0.0.1 (its own
 * port, so a different origin from {@link FakeT3Server}) serving {@link Scenarios#TINY_PNG} at
 * {@code /image.png}, recording every request so a test can check that no t3.chat cookie reached it.
 * Thread-safe.
 */
public final class FakeImageHost implements AutoCloseable {

    /** The path of the stock PNG. */
    public static final String IMAGE_PATH = "/image.png";

    private final HttpServer http;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();

    private record Resource(String contentType, byte[] bytes, boolean chunked) {
    }

    private FakeImageHost(HttpServer http, ExecutorService executor) {
        this.http = http;
        this.executor = executor;
    }

    /** Starts a host on 127.0.0.1 at a free port, serving the tiny PNG at {@link #IMAGE_PATH}. */
    public static FakeImageHost start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-image-host");
                t.setDaemon(true);
                return t;
            });
            FakeImageHost host = new FakeImageHost(http, executor);
            http.setExecutor(executor);
            http.createContext("/", host::handle);
            host.serve(IMAGE_PATH, "image/png", Scenarios.TINY_PNG, false);
            http.start();
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake image host", e);
        }
    }

    /**
     * Serves {@code bytes} at {@code path}; {@code chunked} leaves the length out, so a client learns the
     * size only by reading.
     */
    public FakeImageHost serve(String path, String contentType, byte[] bytes, boolean chunked) {
        resources.put(requireNonNull(path, "path == null"),
                new Resource(requireNonNull(contentType, "contentType == null"), bytes.clone(), chunked));
        return this;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    /** The URL of the stock PNG. */
    public URI imageUrl() {
        return url(IMAGE_PATH);
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Whether any request carried a {@code Cookie} header. */
    public boolean sawCookie() {
        return requests.stream().anyMatch(r -> r.header("cookie").isPresent());
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            requests.add(new RecordedRequest(exchange.getRequestMethod(), uri.getPath(),
                    uri.getRawQuery() == null ? "" : uri.getRawQuery(), exchange.getRequestHeaders(),
                    new String(body, StandardCharsets.UTF_8)));
            Resource resource = resources.get(uri.getPath());
            if (resource == null) {
                byte[] notFound = "not found".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "text/plain");
                exchange.sendResponseHeaders(404, notFound.length);
                exchange.getResponseBody().write(notFound);
                return;
            }
            exchange.getResponseHeaders().set("content-type", resource.contentType());
            exchange.sendResponseHeaders(200, resource.chunked() ? 0 : resource.bytes().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(resource.bytes());
            }
        } catch (IOException clientWentAway) {
            // A client that stops reading (a size cap) closes the connection: nothing to do.
        }
    }
}
