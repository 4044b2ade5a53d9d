package io.github.t3chat4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncServerExchangeHandler;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.impl.nio.bootstrap.H2ServerBootstrap;
import org.apache.hc.core5.http2.ssl.H2ServerTlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.apache.hc.core5.util.Timeout;
import com.sun.net.httpserver.HttpExchange;

/**
 * The fake server's TLS listener on 127.0.0.1: HttpCore 5's server with the {@link TestCertificate},
 * speaking HTTP/2 to clients that offer {@code h2} through ALPN and HTTP/1.1 to the others. Each request
 * reaches the same dispatch as the plain listener's, as an {@link HttpExchange}.
 */
final class SecureListener implements AutoCloseable {

    private final HttpAsyncServer server;
    private final int port;

    private SecureListener(HttpAsyncServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static SecureListener start(Consumer<HttpExchange> dispatch, ExecutorService executor) {
        HttpAsyncServer server = H2ServerBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).setSoTimeout(Timeout.ofMinutes(5))
                        .build())
                .setVersionPolicy(HttpVersionPolicy.NEGOTIATE)
                .setTlsStrategy(new H2ServerTlsStrategy(TestCertificate.shared().serverContext()))
                .setCanonicalHostName("127.0.0.1")
                .register("*", () -> (AsyncServerExchangeHandler) new ClassicExchangeHandler(dispatch, executor))
                // A browser that maps the site's name to this port asks for t3.chat by name.
                .registerVirtual("t3.chat", "*",
                        () -> (AsyncServerExchangeHandler) new ClassicExchangeHandler(dispatch, executor))
                .create();
        server.start();
        try {
            ListenerEndpoint endpoint = server.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    URIScheme.HTTPS).get(30, TimeUnit.SECONDS);
            return new SecureListener(server, ((InetSocketAddress) endpoint.getAddress()).getPort());
        } catch (ExecutionException | TimeoutException e) {
            server.close(CloseMode.IMMEDIATE);
            throw new UncheckedIOException(new IOException("Could not start the TLS listener", e));
        } catch (InterruptedException e) {
            server.close(CloseMode.IMMEDIATE);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the TLS listener", e);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.close(CloseMode.IMMEDIATE);
    }
}
