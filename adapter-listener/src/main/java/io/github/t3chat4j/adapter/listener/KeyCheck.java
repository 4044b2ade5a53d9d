package io.github.t3chat4j.adapter.listener;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets through only requests that carry {@code Authorization: Bearer <key>} (compared in constant time,
 * {@link BearerKey}); any other is refused with 401 and {@code WWW-Authenticate: Bearer}, as the
 * {@link Refusal} writes it. Preflight requests ({@code OPTIONS}) pass: browsers send them without the key.
 */
public final class KeyCheck extends Handler.Wrapper {

    private final BearerKey key;
    private final String hint;
    private final Refusal refusal;

    /** Checks {@code key}; {@code hint} says where the key comes from ("the key t3 serve printed"). */
    public KeyCheck(String key, String hint, Refusal refusal, Handler handler) {
        super(handler);
        this.key = new BearerKey(key);
        this.hint = hint;
        this.refusal = refusal;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getMethod().equals("OPTIONS")) {
            return super.handle(request, response, callback);
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (key.accepts(authorization)) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        refusal.refuse(request, response, callback, 401, "invalid_api_key", authorization == null
                ? "No key: send 'Authorization: Bearer <key>' with " + hint + "."
                : "Wrong key: send 'Authorization: Bearer <key>' with " + hint + ".");
        return true;
    }
}
