package io.github.t3chat4j.application.port.in;

/**
 * Sends the next message of a conversation and streams the reply to a listener: appends the user
 * message, renews the session before its first use (and once more, retrying once, when t3.chat rejects
 * it), streams, appends the reply and saves the conversation.
 *
 * <p>With nothing to send it returns an assistant message flagged as an error, as the original client
 * does. A cancelled send returns normally with the partial reply; when nothing had arrived, the
 * conversation is returned as it was. Throws
 * {@link io.github.t3chat4j.application.error.ChatStreamException} when the server reports an error
 * inside the stream and {@link io.github.t3chat4j.application.error.StreamInterruptedException} when
 * the stream ends without finishing; both carry the partial reply and, when anything arrived, the
 * conversation with the partial reply kept (marked incomplete, and saved). Any other failure leaves
 * the conversation as it was.
 */
public interface SendMessageUseCase {

    SendMessageResult sendMessage(SendMessageCommand command, ChatEventListener listener);
}
