package io.github.t3chat4j.adapter.openai;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A failure as the OpenAI API reports it: an HTTP status and the body
 * {@code {"error":{"message","type","param","code"}}}, plus a {@code Retry-After} to pass on. The message
 * is written for the caller of the gateway and never holds a key or a cookie.
 */
final class ApiErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final transient Duration retryAfter;
    private String allow;

    ApiErrorException(int status, String type, String code, String param, String message, Duration retryAfter) {
        super(requireNonNull(message, "message == null"), null, false, false);
        this.status = status;
        this.type = requireNonNull(type, "type == null");
        this.code = code;
        this.param = param;
        this.retryAfter = retryAfter;
    }

    /** 400 {@code invalid_request_error}, naming the offending parameter. */
    static ApiErrorException badRequest(String param, String message) {
        return new ApiErrorException(400, "invalid_request_error", null, param, message, null);
    }

    int status() {
        return status;
    }

    /** This error, answered with {@code Allow: <methods>} (a 405). */
    ApiErrorException withAllow(String methods) {
        this.allow = methods;
        return this;
    }

    Optional<String> allow() {
        return Optional.ofNullable(allow);
    }

    String code() {
        return code;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The {@code error} object. */
    ObjectNode errorObject() {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", getMessage());
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return error;
    }

    /** The whole body: {@code {"error":{…}}}. */
    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", errorObject());
        return body;
    }
}
