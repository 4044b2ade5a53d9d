package io.github.t3chat4j.domain.message;

/** Whether a message arrived whole. */
public enum MessageStatus {
    /** Written by the user, or a reply that ended with {@code finish}. */
    COMPLETE,
    /** A reply cut off before it finished (connection lost, cancelled); its text is partial. */
    INCOMPLETE,
    /** No reply: the message text explains the failure (the seed's "error message as a Message"). */
    ERROR
}
