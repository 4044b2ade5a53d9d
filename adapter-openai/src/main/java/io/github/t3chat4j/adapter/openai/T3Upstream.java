package io.github.t3chat4j.adapter.openai;

import io.github.t3chat4j.adapter.openai.internal.emulation.DeltaListener;
import io.github.t3chat4j.adapter.openai.internal.emulation.Finish;
import io.github.t3chat4j.adapter.openai.internal.emulation.Prompt;
import io.github.t3chat4j.adapter.openai.internal.emulation.Upstream;
import io.github.t3chat4j.application.ChatEventListener;
import io.github.t3chat4j.application.ChatOptions;
import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The gateway's one door to the t3chat4j library (its public API: a {@link T3Client}): the model
 * catalogue, images, and sending a prompt as a conversation of its own (a fresh thread, kept nowhere)
 * through the client's stateless {@code stream}, never retried (t3.chat's 429 and 5xx go back to the
 * caller with their {@code Retry-After}), whose events are handed to a listener as they arrive. Every
 * endpoint goes through it, so a change of the library's API changes this class alone.
 *
 * <p>A reply that did not finish is an error here: the client left (the handler logs it), the gateway is
 * stopping (503), or t3.chat stopped it (502). t3.chat's own failures pass as the library throws them
 * ({@link ErrorMapper} maps them).
 */
final class T3Upstream {

    private final T3Client client;
    private final ChatSettings baseSettings;
    private final Clock clock;

    T3Upstream(T3Client client, ChatSettings baseSettings, Clock clock) {
        this.client = client;
        this.baseSettings = baseSettings;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** The model {@code id} names; an unknown one throws the library's {@code UnknownModelException}. */
    ModelInfo resolveModel(String id) {
        return client.account().resolveModel(id);
    }

    ModelCatalog catalog() {
        return client.account().models(false);
    }

    /** The bytes of {@code image} as base64, downloaded without the t3.chat cookie when it lives elsewhere. */
    String imageBase64(ImageContent image) {
        return Base64.getEncoder().encodeToString(client.imageBytes(image));
    }

    /**
     * The emulation's view of {@code model} for one exchange: each {@link Prompt} goes as a conversation
     * of its own with the prompt's system text as the system prompt, at {@code effort}, with web search
     * when {@code search}.
     */
    Upstream upstream(Exchange exchange, ModelInfo model, ReasoningEffort effort, boolean search) {
        return (prompt, listener) -> {
            ChatSettings settings = baseSettings.withReasoningEffort(effort).withSearch(search)
                    .withSystemPrompt(prompt.system());
            List<Message> messages = prompt.messages().stream().map(T3Upstream::message).toList();
            Reply reply = send(exchange, model, settings, messages, new Relay(listener));
            return finish(reply.finishReason());
        };
    }

    /** Sends {@code text} to an image model and returns its reply (which holds the image, if any). */
    Reply generate(Exchange exchange, ModelInfo model, String text) {
        return send(exchange, model, baseSettings, List.of(Message.builder(Role.USER).text(text).build()),
                ChatEventListener.NONE);
    }

    private Reply send(Exchange exchange, ModelInfo model, ChatSettings settings, List<Message> messages,
            ChatEventListener listener) {
        Instant now = clock.instant();
        Conversation conversation = Conversation.builder(ThreadId.random()).model(model.id()).settings(settings)
                .messages(messages).createdAt(now).updatedAt(now).build();
        ChatOptions options = ChatOptions.defaults().withModel(model.id()).withSettings(settings).withRetries(0);
        Reply reply;
        try (ReplyStream stream = client.stream(conversation, null, options)) {
            exchange.serve(stream::cancel);
            for (ChatEvent event : stream) {
                listener.onEvent(event);
            }
            reply = stream.reply();
        }
        if (exchange.isClientGone()) {
            throw new ClientGoneException();
        }
        if (exchange.isShuttingDown()) {
            throw new ApiErrorException(503, "server_error", "gateway_shutting_down", null,
                    "The gateway is shutting down; the reply was cut short. Send the request again once it is back.",
                    null);
        }
        if (reply.ending() != Reply.Ending.FINISHED) {
            throw new ApiErrorException(502, "upstream_error", "t3chat_reply_aborted", null,
                    "t3.chat stopped the reply before it finished (" + reply.ending().name().toLowerCase(Locale.ROOT)
                            + ").", null);
        }
        return reply;
    }

    private static Message message(Prompt.Message message) {
        return Message.builder(message.speaker() == Prompt.Speaker.USER ? Role.USER : Role.ASSISTANT)
                .text(message.text()).build();
    }

    /** t3.chat's finish reason: {@code length} and {@code content-filter} pass, everything else is a stop. */
    static Finish finish(String t3Reason) {
        return switch (t3Reason.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "length" -> Finish.LENGTH;
            case "content_filter" -> Finish.CONTENT_FILTER;
            default -> Finish.STOP;
        };
    }

    /** The URL of an image: where it lives, or a {@code data:} URL with its inline bytes. */
    static String url(ImageContent image) {
        return image.url().orElseGet(() -> "data:" + image.mediaType().orElse("image/png") + ";base64,"
                + image.base64Data().orElse(""));
    }

    /** Text and reasoning to the emulation; an image as Markdown text after what came before. */
    private static final class Relay implements ChatEventListener {

        private final DeltaListener listener;
        private boolean wroteText;

        Relay(DeltaListener listener) {
            this.listener = listener;
        }

        @Override
        public void onEvent(ChatEvent event) {
            if (event instanceof ChatEvent.TextDelta text && !text.text().isEmpty()) {
                listener.onText(text.text());
                wroteText = true;
            } else if (event instanceof ChatEvent.ReasoningDelta reasoning && !reasoning.text().isEmpty()) {
                listener.onReasoning(reasoning.text());
            } else if (event instanceof ChatEvent.ImageGenerated image) {
                String markdown = "![image](" + image.url() + ")";
                listener.onText(wroteText ? "\n\n" + markdown : markdown);
                wroteText = true;
            }
        }
    }

    /** The client went away while its answer was made: nothing is written, the request is logged as 499. */
    static final class ClientGoneException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ClientGoneException() {
            super("The client went away.", null, false, false);
        }
    }
}
