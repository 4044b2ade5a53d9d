package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.server.Request;

/**
 * The gateway's failures as Anthropic's API reports them, for the requests of Anthropic clients:
 * {@code {"type":"error","error":{"type":…,"message":…}}}, the type following the status (400
 * {@code invalid_request_error}, 401 {@code authentication_error}, 403 {@code permission_error}, 404
 * {@code not_found_error}, 413 {@code request_too_large}, 429 {@code rate_limit_error}, other 5xx
 * {@code api_error}), and a 503 (t3.chat's, or the gateway stopping) answered as Anthropic's 529
 * {@code overloaded_error}, which its SDKs and Claude Code retry. The same object is a streamed
 * {@code error} event's data.
 */
final class AnthropicErrors {

    /** Anthropic's status for an overloaded API. */
    static final int OVERLOADED = 529;

    private AnthropicErrors() {
    }

    /**
     * Whether a request comes from an Anthropic client and gets Anthropic's shapes: it is for
     * {@code /v1/messages} (or below), or carries {@code anthropic-version} (as every Anthropic SDK sends it).
     */
    static boolean speaks(Request request) {
        if (request.getHeaders().contains("anthropic-version")) {
            return true;
        }
        String path = GatewayHandler.normalised(Request.getPathInContext(request));
        String bare = path.startsWith("/v1/") ? path.substring(3) : path;
        return bare.equals("/messages") || bare.startsWith("/messages/");
    }

    static int status(ApiErrorException error) {
        return error.status() == 503 ? OVERLOADED : error.status();
    }

    static String type(int status) {
        return switch (status) {
            case 400, 405, 409, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, OVERLOADED -> "overloaded_error";
            case 504 -> "timeout_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    /** {@code {"type":"error","error":{"type":…,"message":…}}}. */
    static ObjectNode body(ApiErrorException error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("type", "error");
        body.putObject("error").put("type", type(status(error))).put("message", error.getMessage());
        return body;
    }
}
