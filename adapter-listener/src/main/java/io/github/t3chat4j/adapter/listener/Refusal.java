package io.github.t3chat4j.adapter.listener;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * How a listener answers a request it refuses (a name or origin not allowed, a wrong key), in its
 * clients' terms: an OpenAI error body for the gateway, a plain one for the MCP server. It also logs the
 * refusal as the listener logs requests. The message is written for the client and holds no secret.
 */
@FunctionalInterface
public interface Refusal {

    /**
     * Answers {@code request} with {@code status}; {@code code} names the reason for programs
     * ({@code host_not_allowed}, {@code origin_not_allowed}, {@code invalid_api_key}), {@code message}
     * says it to people. The connection is closed after the answer.
     */
    void refuse(Request request, Response response, Callback callback, int status, String code, String message);

    /** What a client sent, cut to 80 characters and kept to visible ASCII, to put in an answer or a log line. */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 80; i++) {
            char c = value.charAt(i);
            out.append(c > 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
