package io.github.t3chat4j.testkit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.AsyncServerExchangeHandler;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.ResponseChannel;
import org.apache.hc.core5.http.nio.support.classic.ContentInputStream;
import org.apache.hc.core5.http.nio.support.classic.SharedInputBuffer;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * Runs one request of HttpCore's async server through the blocking dispatch of the fake server: the
 * request body flows in through a shared buffer, the dispatch runs on the executor with an
 * {@link HttpExchange} whose {@code sendResponseHeaders} sends the head at once (length {@code -1}: no
 * body, {@code 0}: streamed, else that length) and whose body writes reach the client as they are made.
 */
final class ClassicExchangeHandler implements AsyncServerExchangeHandler {

    private static final int BUFFER_SIZE = 16 * 1024;
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "upgrade");

    private final Consumer<HttpExchange> dispatch;
    private final Executor executor;
    private volatile SharedInputBuffer input;
    private final StreamingResponseBody output = new StreamingResponseBody();

    ClassicExchangeHandler(Consumer<HttpExchange> dispatch, Executor executor) {
        this.dispatch = dispatch;
        this.executor = executor;
    }

    @Override
    public void handleRequest(HttpRequest request, EntityDetails entity, ResponseChannel channel,
            org.apache.hc.core5.http.protocol.HttpContext context) {
        InputStream body = InputStream.nullInputStream();
        if (entity != null) {
            input = new SharedInputBuffer(BUFFER_SIZE);
            body = new ContentInputStream(input);
        }
        Exchange exchange = new Exchange(request, body, channel, context);
        executor.execute(() -> {
            try {
                dispatch.accept(exchange);
            } finally {
                exchange.close();
            }
        });
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        SharedInputBuffer in = input;
        if (in != null) {
            in.updateCapacity(capacityChannel);
        }
    }

    @Override
    public void consume(ByteBuffer src) {
        SharedInputBuffer in = input;
        if (in != null) {
            in.fill(src);
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        SharedInputBuffer in = input;
        if (in != null) {
            in.markEndStream();
        }
    }

    @Override
    public int available() {
        return output.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        output.produce(channel);
    }

    @Override
    public void failed(Exception cause) {
        SharedInputBuffer in = input;
        if (in != null) {
            in.abort();
        }
        output.abort();
    }

    @Override
    public void releaseResources() {
        // Buffers go with the handler.
    }

    /** The exchange the dispatch sees. */
    private final class Exchange extends HttpExchange {
        private final HttpRequest request;
        private final InputStream body;
        private final ResponseChannel channel;
        private final org.apache.hc.core5.http.protocol.HttpContext context;
        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();
        private final Map<String, Object> attributes = new HashMap<>();
        private final OutputStream responseBody = output;
        private int responseCode = -1;
        private boolean hasBody;
        private boolean closed;

        Exchange(HttpRequest request, InputStream body, ResponseChannel channel,
                org.apache.hc.core5.http.protocol.HttpContext context) {
            this.request = request;
            this.body = body;
            this.channel = channel;
            this.context = context;
            for (Header header : request.getHeaders()) {
                requestHeaders.add(header.getName(), header.getValue());
            }
        }

        @Override
        public Headers getRequestHeaders() {
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return URI.create(request.getRequestUri());
        }

        @Override
        public String getRequestMethod() {
            return request.getMethod();
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (responseCode < 0) {
                    sendResponseHeaders(500, -1);
                } else if (hasBody) {
                    responseBody.close();
                }
            } catch (IOException | RuntimeException gone) {
                output.abort();
            }
        }

        @Override
        public InputStream getRequestBody() {
            return body;
        }

        @Override
        public OutputStream getResponseBody() {
            return responseBody;
        }

        @Override
        public void sendResponseHeaders(int code, long length) throws IOException {
            if (responseCode >= 0) {
                throw new IOException("Headers already sent");
            }
            responseCode = code;
            BasicHttpResponse response = new BasicHttpResponse(code);
            responseHeaders.forEach((name, values) -> {
                if (!FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> response.addHeader(name.toLowerCase(Locale.ROOT), v));
                }
            });
            if (length > 0 && getProtocol().startsWith("HTTP/2")) {
                // HTTP/1.1 framing sets Content-Length itself; HTTP/2 sends it only when given.
                response.addHeader("content-length", Long.toString(length));
            }
            String contentType = responseHeaders.getFirst("content-type");
            hasBody = length >= 0;
            try {
                channel.sendResponse(response, hasBody ? new Entity(length > 0 ? length : -1, contentType) : null,
                        context);
            } catch (HttpException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            EndpointDetails details = HttpCoreContext.cast(context).getEndpointDetails();
            SocketAddress remote = details == null ? null : details.getRemoteAddress();
            return remote instanceof InetSocketAddress inet ? inet : new InetSocketAddress(0);
        }

        @Override
        public int getResponseCode() {
            return responseCode;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            EndpointDetails details = HttpCoreContext.cast(context).getEndpointDetails();
            SocketAddress local = details == null ? null : details.getLocalAddress();
            return local instanceof InetSocketAddress inet ? inet : new InetSocketAddress(0);
        }

        @Override
        public String getProtocol() {
            return HttpCoreContext.cast(context).getProtocolVersion() == null ? "HTTP/1.1"
                    : HttpCoreContext.cast(context).getProtocolVersion().format();
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
            throw new UnsupportedOperationException("Not supported by the TLS listener");
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }

    /** What the head says of the body. */
    private record Entity(long length, String type) implements EntityDetails {
        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public String getContentType() {
            return type;
        }

        @Override
        public String getContentEncoding() {
            return null;
        }

        @Override
        public boolean isChunked() {
            return length < 0;
        }

        @Override
        public Set<String> getTrailerNames() {
            return null;
        }
    }
}
