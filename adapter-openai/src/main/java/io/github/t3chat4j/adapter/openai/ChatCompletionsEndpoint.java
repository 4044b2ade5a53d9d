package io.github.t3chat4j.adapter.openai;

import io.github.t3chat4j.application.ChatEventListener;
import io.github.t3chat4j.application.ChatOptions;
import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /v1/chat/completions}: builds a conversation of its own from the request's messages (a
 * fresh thread, kept nowhere), sends it through the client's stateless {@code stream} (never retrying a
 * 429: it goes back to the caller with its {@code Retry-After}) and answers a
 * {@code chat.completion}, or streams {@code chat.completion.chunk}s as the reply arrives. A failure
 * before the first event is an HTTP error; after it, an error event ends the stream (never a
 * {@code stop} that did not happen).
 */
final class ChatCompletionsEndpoint {

    private final T3Client client;
    private final ChatSettings baseSettings;
    private final Clock clock;

    ChatCompletionsEndpoint(T3Client client, ChatSettings baseSettings, Clock clock) {
        this.client = client;
        this.baseSettings = baseSettings;
        this.clock = clock;
    }

    /** Answers the exchange; returns the model asked for (for the access log). */
    String handle(Exchange exchange, long maxRequestBytes) {
        ChatCompletionRequest request = ChatCompletionRequest.parse(exchange.readJsonObject(maxRequestBytes));
        exchange.watchForDeparture();
        ModelInfo model = client.account().resolveModel(request.model());
        ChatSettings settings = baseSettings.withReasoningEffort(request.reasoningEffort())
                .withSearch(request.search()).withSystemPrompt(request.systemPrompt());
        Instant now = clock.instant();
        Conversation conversation = Conversation.builder(ThreadId.random()).model(model.id()).settings(settings)
                .messages(request.messages()).createdAt(now).updatedAt(now).build();
        ChatOptions options = ChatOptions.defaults().withModel(model.id()).withSettings(settings).withRetries(0);
        CompletionJson json = new CompletionJson(now.getEpochSecond(), model.id().value(), request.includeUsage());
        int promptTokens = promptTokens(request);
        try (ReplyStream reply = client.stream(conversation, null, options)) {
            exchange.serve(reply::cancel);
            if (request.stream()) {
                stream(exchange, reply, json, promptTokens, request.includeUsage());
            } else {
                answer(exchange, reply, json, promptTokens);
            }
        }
        return model.id().value();
    }

    private void answer(Exchange exchange, ReplyStream stream, CompletionJson json, int promptTokens) {
        Reply reply = stream.reply();
        if (exchange.isClientGone()) {
            return;
        }
        if (exchange.isShuttingDown() || reply.ending() != Reply.Ending.FINISHED) {
            throw cutShort(exchange, reply);
        }
        exchange.json(200, json.completion(reply, promptTokens));
    }

    private void stream(Exchange exchange, ReplyStream stream, CompletionJson json, int promptTokens,
            boolean includeUsage) {
        ChunkWriter writer = new ChunkWriter(exchange, json);
        Reply reply;
        try {
            for (ChatEvent event : stream) {
                writer.onEvent(event);
            }
            reply = stream.reply();
        } catch (T3ChatException failure) {
            if (!writer.started()) {
                throw failure;
            }
            writer.fail(ErrorMapper.map(failure));
            return;
        }
        if (exchange.isClientGone()) {
            exchange.endEventStream();
            return;
        }
        if (exchange.isShuttingDown() || reply.ending() != Reply.Ending.FINISHED) {
            ApiErrorException error = cutShort(exchange, reply);
            if (!writer.started()) {
                throw error;
            }
            writer.fail(error);
            return;
        }
        writer.startIfNeeded();
        exchange.event(json.finishChunk(reply.finishReason()));
        if (includeUsage) {
            exchange.event(json.usageChunk(promptTokens,
                    CompletionJson.tokens(CompletionJson.content(reply)) + CompletionJson.tokens(reply.reasoning())));
        }
        exchange.event("[DONE]");
        exchange.endEventStream();
    }

    /** Why a reply that did not finish is not an answer: the gateway is stopping, or t3.chat stopped it. */
    private static ApiErrorException cutShort(Exchange exchange, Reply reply) {
        if (exchange.isShuttingDown()) {
            return new ApiErrorException(503, "server_error", "gateway_shutting_down", null,
                    "The gateway is shutting down; the reply was cut short. Send the request again once it is back.",
                    null);
        }
        return new ApiErrorException(502, "upstream_error", "t3chat_reply_aborted",
                null, "t3.chat stopped the reply before it finished (" + reply.ending().name().toLowerCase(
                        java.util.Locale.ROOT) + ").", null);
    }

    private static int promptTokens(ChatCompletionRequest request) {
        int tokens = CompletionJson.tokens(request.systemPrompt());
        for (Message message : request.messages()) {
            tokens += CompletionJson.tokens(message.text());
        }
        return tokens;
    }

    /**
     * Turns each event into a chunk as it arrives: the role chunk before the first, then text as
     * {@code content}, reasoning as {@code reasoning_content}, an image as Markdown content. The finish
     * is written by the endpoint once the send has returned, when the outcome is known.
     */
    private static final class ChunkWriter implements ChatEventListener {

        private final Exchange exchange;
        private final CompletionJson json;
        private boolean started;
        private boolean wroteContent;

        ChunkWriter(Exchange exchange, CompletionJson json) {
            this.exchange = exchange;
            this.json = json;
        }

        boolean started() {
            return started;
        }

        void startIfNeeded() {
            if (!started) {
                started = true;
                exchange.startEventStream();
                exchange.event(json.roleChunk());
            }
        }

        @Override
        public void onEvent(ChatEvent event) {
            if (event instanceof ChatEvent.TextDelta text && !text.text().isEmpty()) {
                startIfNeeded();
                exchange.event(json.contentChunk(text.text()));
                wroteContent = true;
            } else if (event instanceof ChatEvent.ReasoningDelta reasoning && !reasoning.text().isEmpty()) {
                startIfNeeded();
                exchange.event(json.reasoningChunk(reasoning.text()));
            } else if (event instanceof ChatEvent.ImageGenerated image) {
                startIfNeeded();
                String markdown = CompletionJson.imageMarkdown(image.url());
                exchange.event(json.contentChunk(wroteContent ? "\n\n" + markdown : markdown));
                wroteContent = true;
            }
        }

        /** Ends the stream with an error event and no {@code [DONE]}. */
        void fail(ApiErrorException error) {
            exchange.event(error.body());
            exchange.endEventStream();
        }
    }
}
