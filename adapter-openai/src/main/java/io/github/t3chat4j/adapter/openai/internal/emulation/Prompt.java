package io.github.t3chat4j.adapter.openai.internal.emulation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * What t3.chat is sent for one attempt of a turn: a system text (the client's instructions followed by
 * the tool and format rules) and plain text messages, user and assistant, with tool calls and results
 * written into them. Ends with a user message.
 */
public record Prompt(String system, List<Message> messages) {

    public Prompt {
        requireNonNull(system, "system == null");
        messages = List.copyOf(messages);
    }

    /** Who said a message. */
    public enum Speaker { USER, ASSISTANT }

    /** One text message. */
    public record Message(Speaker speaker, String text) {

        public Message {
            requireNonNull(speaker, "speaker == null");
            requireNonNull(text, "text == null");
        }
    }

    /** This prompt followed by the model's unusable {@code reply} and the user's {@code correction}. */
    Prompt correctedBy(String reply, String correction) {
        List<Message> more = new ArrayList<>(messages);
        more.add(new Message(Speaker.ASSISTANT, reply));
        more.add(new Message(Speaker.USER, correction));
        return new Prompt(system, more);
    }
}
