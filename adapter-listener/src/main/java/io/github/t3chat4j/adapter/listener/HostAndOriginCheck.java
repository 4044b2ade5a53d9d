package io.github.t3chat4j.adapter.listener;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses, before the key is even looked at, a request addressed to a name the listener does not answer to
 * ({@code Host}), and one a web page sent from an origin not allowed with {@code --cors-origin}
 * ({@code Origin}). The first stops DNS rebinding: a page whose own name was made to point to
 * 127.0.0.1 reaches the listener, but under its name, not {@code localhost}. The second stops any other
 * page the browser would let send a request without asking. Both answer 403, as {@link Refusal} writes it.
 */
final class HostAndOriginCheck extends Handler.Wrapper {

    private final ListenRules rules;
    private final String what;
    private final Refusal refusal;

    /**
     * Checks requests to {@code handler} against {@code rules}; {@code what} names the listener in the
     * messages ("gateway", "MCP server").
     */
    HostAndOriginCheck(ListenRules rules, String what, Refusal refusal, Handler handler) {
        super(handler);
        this.rules = rules;
        this.what = what;
        this.refusal = refusal;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHttpURI().getHost();
        if (host == null || host.isEmpty() || !rules.allowsHost(host)) {
            refuse(request, response, callback, "host_not_allowed", "This " + what + " answers to localhost,"
                    + " 127.0.0.1 and [::1], not to '" + Refusal.shown(host) + "' (a web page that renamed itself to reach it"
                    + " is refused). To use that name on purpose, allow it: --allow-host " + Refusal.shown(host)
                    + " (in code, the allowed hosts of its configuration).");
            return true;
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && !rules.allowsOrigin(origin)) {
            refuse(request, response, callback, "origin_not_allowed", "Web pages from '" + Refusal.shown(origin)
                    + "' may not call this " + what + ". To let them, allow the origin: --cors-origin "
                    + Refusal.shown(origin) + " (in code, the CORS origins of its configuration).");
            return true;
        }
        return super.handle(request, response, callback);
    }

    private void refuse(Request request, Response response, Callback callback, String code, String message) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        refusal.refuse(request, response, callback, 403, code, message);
    }
}
