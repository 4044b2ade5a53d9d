package io.github.t3chat4j.application.port.in;

/**
 * Sends a conversation to t3.chat and streams the reply to a listener.
 *
 * <p>On 401/403 the session is refreshed once and the send retried once. Throws
 * {@link io.github.t3chat4j.application.error.ChatStreamException} when the server reports an error
 * inside the stream and {@link io.github.t3chat4j.application.error.StreamInterruptedException} when
 * the stream ends without finishing; both carry the partial reply. A cancelled send returns normally
 * with the partial reply.
 */
public interface SendMessageUseCase {

    SendMessageResult sendMessage(SendMessageCommand command, ChatEventListener listener);
}
