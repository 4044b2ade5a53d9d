package io.github.t3chat4j.adapter.http.internal.trpc;

/**
 * A tRPC answer that does not have the expected shape. Internal: {@link TrpcClient} turns it into an
 * {@link io.github.t3chat4j.application.error.UnexpectedResponseException} naming the procedure.
 */
final class TrpcFormatException extends RuntimeException {

    TrpcFormatException(String message) {
        super(message);
    }

    TrpcFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
