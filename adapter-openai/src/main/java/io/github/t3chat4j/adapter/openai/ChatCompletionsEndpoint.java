package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.DeltaListener;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulatedTurn;
import io.github.t3chat4j.adapter.openai.internal.emulation.TurnResult;
import io.github.t3chat4j.domain.catalog.ModelInfo;

/**
 * {@code POST /v1/chat/completions}: turns the request into an emulated turn (tools and response
 * formats included), runs it against t3.chat through {@link T3Upstream}, and answers a
 * {@code chat.completion}, or streams {@code chat.completion.chunk}s: text and reasoning as they arrive,
 * then the tool calls (once the reply is complete and they are checked), the finish, the usage when
 * asked and {@code [DONE]}. A failure before the first chunk is an HTTP error; after it, an error event
 * ends the stream (never a {@code stop} that did not happen).
 */
final class ChatCompletionsEndpoint {

    private final T3Upstream t3;

    ChatCompletionsEndpoint(T3Upstream t3) {
        this.t3 = t3;
    }

    /** Answers the exchange; returns the model asked for (for the access log). */
    String handle(Exchange exchange, long maxRequestBytes) {
        ChatCompletionRequest request = ChatCompletionRequest.parse(exchange.readJsonObject(maxRequestBytes));
        exchange.watchForDeparture();
        ModelInfo model = t3.resolveModel(request.model());
        EmulatedTurn turn = Emulations.turn(request.emulation(), "call_", ChatCompletionRequest::param);
        CompletionJson json = new CompletionJson(t3.clock().instant().getEpochSecond(), model.id().value(),
                request.includeUsage());
        int promptTokens = Emulations.promptTokens(turn.prompt());
        var upstream = t3.upstream(exchange, model, request.reasoningEffort(), request.search());
        if (!request.stream()) {
            exchange.json(200, json.completion(turn.run(upstream, DeltaListener.NONE), promptTokens));
            return model.id().value();
        }
        ChunkWriter writer = new ChunkWriter(exchange, json);
        TurnResult result;
        try {
            result = turn.run(upstream, writer);
        } catch (T3Upstream.ClientGoneException gone) {
            throw gone;
        } catch (RuntimeException failure) {
            if (!writer.started()) {
                throw failure;
            }
            writer.fail(ErrorMapper.map(failure));
            return model.id().value();
        }
        writer.startIfNeeded();
        for (ObjectNode chunk : json.toolCallChunks(result.calls())) {
            exchange.event(chunk);
        }
        exchange.event(json.finishChunk(result.finish()));
        if (request.includeUsage()) {
            exchange.event(json.usageChunk(promptTokens, CompletionJson.completionTokens(result)));
        }
        exchange.ending();
        exchange.event("[DONE]");
        exchange.endEventStream();
        return model.id().value();
    }

    /**
     * Turns text and reasoning into chunks as they arrive, starting the stream (the role chunk) with
     * the first; the rest is written by the endpoint once the turn is over.
     */
    private static final class ChunkWriter implements DeltaListener {

        private final Exchange exchange;
        private final CompletionJson json;
        private boolean started;

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
        public void onText(String delta) {
            startIfNeeded();
            exchange.event(json.contentChunk(delta));
        }

        @Override
        public void onReasoning(String delta) {
            startIfNeeded();
            exchange.event(json.reasoningChunk(delta));
        }

        /** Ends the stream with an error event and no {@code [DONE]}. */
        void fail(ApiErrorException error) {
            exchange.event(error.body());
            exchange.endEventStream();
        }
    }
}
