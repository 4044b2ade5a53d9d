package io.github.t3chat4j.adapter.openai;

import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses, before the key is even looked at, a request addressed to a name the gateway does not answer to
 * ({@code Host}), and one a web page sent from an origin not allowed with {@code --cors-origin}
 * ({@code Origin}). The first stops DNS rebinding: a page whose own name was made to point to
 * 127.0.0.1 reaches the gateway, but under its name, not {@code localhost}. The second stops any other
 * page the browser would let send a request without asking. Both answer 403 with an OpenAI error body.
 */
final class HostAndOriginCheck extends Handler.Wrapper {

    private static final int MAX_SHOWN = 80;

    private final GatewayConfig config;
    private final Consumer<String> log;
    private final Clock clock;

    HostAndOriginCheck(GatewayConfig config, Consumer<String> log, Clock clock, Handler handler) {
        super(handler);
        this.config = config;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = clock.millis();
        String host = request.getHttpURI().getHost();
        ApiErrorException refusal = null;
        if (host == null || host.isEmpty() || !config.allowsHost(host)) {
            refusal = new ApiErrorException(403, "invalid_request_error", "host_not_allowed", null,
                    "This gateway answers to localhost, 127.0.0.1 and [::1], not to '" + shown(host) + "' (a web page"
                            + " that renamed itself to reach it is refused). To use that name on purpose, allow it"
                            + " (t3 serve --allow-host " + shown(host) + "; GatewayConfig.withAllowedHosts).", null);
        } else {
            String origin = request.getHeaders().get(HttpHeader.ORIGIN);
            if (origin != null && !allowsOrigin(origin)) {
                refusal = new ApiErrorException(403, "invalid_request_error", "origin_not_allowed", null,
                        "Web pages from '" + shown(origin) + "' may not call this gateway. To let them, allow the origin"
                                + " (t3 serve --cors-origin " + shown(origin) + "; GatewayConfig.withCorsOrigins).", null);
            }
        }
        if (refusal == null) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        // Logged before the answer goes: the client may read it, and close, before this thread goes on.
        log.accept(GatewayHandler.accessLine(request.getMethod(), Request.getPathInContext(request),
                refusal.status(), "", clock.millis() - started));
        new Exchange(request, response, callback).error(refusal);
        return true;
    }

    private boolean allowsOrigin(String origin) {
        String value = origin.strip().toLowerCase(Locale.ROOT);
        return config.corsOrigins().stream().anyMatch(allowed -> allowed.equals("*")
                || allowed.toLowerCase(Locale.ROOT).equals(value));
    }

    /** What the client sent, cut short and kept to visible ASCII: it goes into the answer and the log. */
    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < MAX_SHOWN; i++) {
            char c = value.charAt(i);
            out.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
