package io.github.t3chat4j.application.error;

import io.github.t3chat4j.domain.stream.Reply;

/** The server reported an error inside the reply stream; {@link #serverMessage()} is its text. */
public class ChatStreamException extends ReplyFailedException {

    private final String serverMessage;

    public ChatStreamException(String serverMessage, Reply partialReply) {
        super("t3.chat reported an error during the reply: " + serverMessage, partialReply, null);
        this.serverMessage = serverMessage;
    }

    public String serverMessage() {
        return serverMessage;
    }
}
