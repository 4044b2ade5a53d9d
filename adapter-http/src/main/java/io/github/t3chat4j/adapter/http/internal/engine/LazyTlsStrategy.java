package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's default TLS set-up (the JDK's trust store and protocols), made when the first https
 * connection needs it rather than when the engine is built: a run that talks plain http on loopback (the
 * demo, the tests) never loads the trust store, and one that talks to t3.chat pays for it once, when it
 * connects. Thread-safe.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {

    private volatile TlsSocketStrategy tls;

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return tls().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy tls() {
        TlsSocketStrategy made = tls;
        if (made == null) {
            synchronized (this) {
                made = tls;
                if (made == null) {
                    made = DefaultClientTlsStrategy.createDefault();
                    tls = made;
                }
            }
        }
        return made;
    }
}
