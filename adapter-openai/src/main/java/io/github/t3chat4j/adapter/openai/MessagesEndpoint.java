package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.DeltaListener;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulatedTurn;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolCall;
import io.github.t3chat4j.adapter.openai.internal.emulation.TurnResult;
import io.github.t3chat4j.application.error.UnknownModelException;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * Anthropic's Messages API on the same emulated turn as the OpenAI endpoints: {@code POST /v1/messages}
 * answers a {@code message}, or streams its events ({@code message_start}, {@code ping}, per content
 * block {@code content_block_start}, its {@code text_delta}, {@code thinking_delta} (and
 * {@code signature_delta}) or {@code input_json_delta}s and {@code content_block_stop}, then
 * {@code message_delta} with the stop reason and usage, and {@code message_stop});
 * {@code POST /v1/messages/count_tokens} estimates the prompt; and for clients that send
 * {@code anthropic-version}, {@code GET /v1/models} and {@code /v1/models/{id}} in Anthropic's shape. The
 * model a client names is mapped to a t3.chat model ({@link AnthropicModelMap}), and the answer names the
 * t3.chat model that answered. The stream begins with the reply's first delta, so a failure before it
 * (t3.chat's 429, say) is an HTTP error with its status; after it, an {@code error} event ends the stream
 * (never a {@code message_stop} that did not happen).
 */
final class MessagesEndpoint {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ARGUMENT_PIECE = 64;
    /** How often a stream that shows nothing (reasoning the client did not ask to see) says it is alive. */
    private static final Duration PING_EVERY = Duration.ofSeconds(5);
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 1000;

    private final T3Upstream t3;
    private final AnthropicModelMap models;

    MessagesEndpoint(T3Upstream t3, AnthropicModelMap models) {
        this.t3 = t3;
        this.models = models;
    }

    /**
     * Answers the exchange when it is Anthropic's ({@code /messages…}, or the models for a client sending
     * {@code anthropic-version}); returns what the access log shows of the model, or empty when the
     * path is not Anthropic's.
     */
    Optional<String> route(Exchange exchange, String path, String rawPath, long maxRequestBytes) {
        String method = exchange.method();
        if (path.equals("/messages")) {
            GatewayHandler.requireMethod(method, rawPath, "POST");
            return Optional.of(create(exchange, maxRequestBytes));
        }
        if (path.equals("/messages/count_tokens")) {
            GatewayHandler.requireMethod(method, rawPath, "POST");
            return Optional.of(countTokens(exchange, maxRequestBytes));
        }
        if (!exchange.speaksAnthropic()) {
            return Optional.empty();
        }
        if (path.equals("/models")) {
            GatewayHandler.requireMethod(method, rawPath, "GET", "HEAD");
            listModels(exchange);
            return Optional.of("");
        }
        if (path.startsWith("/models/") && path.length() > "/models/".length()) {
            GatewayHandler.requireMethod(method, rawPath, "GET", "HEAD");
            String id = URLDecoder.decode(path.substring("/models/".length()), StandardCharsets.UTF_8);
            oneModel(exchange, id);
            return Optional.of(id);
        }
        return Optional.empty();
    }

    private String create(Exchange exchange, long maxRequestBytes) {
        MessagesRequest request = MessagesRequest.parse(exchange.readJsonObject(maxRequestBytes), false);
        exchange.watchForDeparture();
        ModelInfo model = resolve(request.model());
        EmulatedTurn turn = Emulations.turn(request.emulation(), "toolu_", MessagesRequest::param);
        MessagesJson json = new MessagesJson(model.id().value(), Emulations.promptTokens(turn.prompt()));
        Answer answer = new Answer(exchange, request, json, request.stream());
        TurnResult result;
        try {
            result = turn.run(t3.upstream(exchange, model, request.effort(), request.search()), answer);
        } catch (T3Upstream.ClientGoneException gone) {
            throw gone;
        } catch (RuntimeException failure) {
            if (!answer.started) {
                throw failure;
            }
            answer.fail(ErrorMapper.map(failure));
            return logged(request.model(), model);
        }
        ObjectNode message = answer.finish(result);
        if (!request.stream()) {
            exchange.json(200, message);
        }
        return logged(request.model(), model);
    }

    private String countTokens(Exchange exchange, long maxRequestBytes) {
        MessagesRequest request = MessagesRequest.parse(exchange.readJsonObject(maxRequestBytes), true);
        ModelInfo model = resolve(request.model());
        EmulatedTurn turn = Emulations.turn(request.emulation(), "toolu_", MessagesRequest::param);
        exchange.json(200, NODES.objectNode().put("input_tokens", Emulations.promptTokens(turn.prompt())));
        return logged(request.model(), model);
    }

    /** The requested id, and the t3.chat model that answers it when that is another. */
    private static String logged(String requested, ModelInfo model) {
        return requested.equals(model.id().value()) ? requested : requested + " as " + model.id().value();
    }

    /**
     * The t3.chat model for {@code requested}.
     *
     * @throws ApiErrorException 404 when there is none (with the closest t3.chat id, or how to map a Claude id)
     */
    private ModelInfo resolve(String requested) {
        ModelCatalog catalog = t3.catalog();
        Optional<AnthropicModelMap.Mapping> mapping = models.map(requested, catalog);
        if (mapping.isEmpty()) {
            if (AnthropicModelMap.ClaudeId.parse(requested).isPresent()) {
                throw new ApiErrorException(404, "invalid_request_error", "model_not_found", "model",
                        "No t3.chat model is near '" + RequestFields.shown(requested) + "' (t3.chat's catalogue has"
                                + " no Claude model). Map it to one t3.chat has: t3 serve --anthropic-model '"
                                + RequestFields.shown(requested) + "=<t3.chat model id>' (t3 models lists them).", null);
            }
            return t3.resolveModel(requested);
        }
        String id = mapping.get().model();
        try {
            return catalog.find(id).filter(model -> !model.disabled()).orElseGet(() -> t3.resolveModel(id));
        } catch (UnknownModelException unknown) {
            throw new ApiErrorException(404, "invalid_request_error", "model_not_found", "model",
                    "'" + RequestFields.shown(requested) + "' is mapped to '" + id + "' (" + mapping.get().why()
                            + "), which t3.chat does not have" + unknown.suggestion()
                            .map(closest -> "; did you mean '" + closest.value() + "'?").orElse("."), null);
        }
    }

    private void listModels(Exchange exchange) {
        Fields query = Request.extractQueryParameters(exchange.request());
        int limit = DEFAULT_PAGE;
        String given = query.getValue("limit");
        if (given != null) {
            try {
                limit = Integer.parseInt(given.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_PAGE) {
                throw ApiErrorException.badRequest("limit", "limit: must be a whole number from 1 to " + MAX_PAGE + ".");
            }
        }
        List<ModelInfo> all = t3.catalog().models().stream().filter(model -> !model.disabled()).toList();
        int from = 0;
        int to = all.size();
        String after = query.getValue("after_id");
        String before = query.getValue("before_id");
        if (after != null) {
            from = indexOf(all, after) + 1;
        } else if (before != null) {
            to = indexOf(all, before);
            from = Math.max(0, to - limit);
        }
        List<ModelInfo> page = all.subList(from, Math.min(to, from + limit));
        ObjectNode root = NODES.objectNode();
        ArrayNode data = root.putArray("data");
        page.forEach(model -> data.add(model(model.id().value(), model.name(), model)));
        root.put("has_more", before != null ? from > 0 : from + page.size() < all.size());
        root.put("first_id", page.isEmpty() ? null : page.get(0).id().value());
        root.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id().value());
        exchange.json(200, root);
    }

    private static int indexOf(List<ModelInfo> models, String id) {
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).id().value().equals(id)) {
                return i;
            }
        }
        throw ApiErrorException.badRequest(null, "No model with id '" + RequestFields.shown(id) + "' to page from.");
    }

    /** A t3.chat model by its id, or an Anthropic id under the model that answers it. */
    private void oneModel(Exchange exchange, String id) {
        ModelCatalog catalog = t3.catalog();
        Optional<ModelInfo> own = catalog.find(id).filter(model -> !model.disabled());
        if (own.isPresent()) {
            exchange.json(200, model(id, own.get().name(), own.get()));
            return;
        }
        ModelInfo mapped = resolve(id);
        exchange.json(200, model(id, mapped.name() + " (t3.chat's " + mapped.id().value() + ")", mapped));
    }

    private static ObjectNode model(String id, String displayName, ModelInfo model) {
        ObjectNode json = NODES.objectNode().put("type", "model").put("id", id).put("display_name", displayName)
                .put("created_at", createdAt(model)).put("lifecycle", model.legacy() ? "deprecated" : "active");
        model.maxInputTokens().ifPresent(tokens -> json.put("max_input_tokens", tokens));
        model.maxOutputTokens().ifPresent(tokens -> json.put("max_tokens", tokens));
        model.retiredOn().ifPresent(date -> json.put("retires_at", day(date).orElse(null)));
        return json;
    }

    /** The day the catalogue says the model was added, in RFC 3339; the epoch when unknown. */
    private static String createdAt(ModelInfo model) {
        return model.addedOn().flatMap(MessagesEndpoint::day).orElse("1970-01-01T00:00:00Z");
    }

    /** A catalogue's date ({@code 2025-06-17}, perhaps with a time) as the start of that day in RFC 3339. */
    private static Optional<String> day(String date) {
        try {
            return Optional.of(LocalDate.parse(date.length() >= 10 ? date.substring(0, 10) : date) + "T00:00:00Z");
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The answer as the turn goes: text through the stop sequences, reasoning as thinking when the client
     * asked for it. Streamed, each piece becomes its events at once (a block opens with its first delta;
     * a change between thinking and text closes one and opens the next) and the calls come once the turn
     * is over; otherwise the pieces are kept for the whole message.
     */
    private final class Answer implements DeltaListener {

        private enum Open { NONE, THINKING, TEXT }

        private final Exchange exchange;
        private final MessagesRequest request;
        private final MessagesJson json;
        private final boolean streamed;
        private final StopSequences stops;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder thinking = new StringBuilder();
        private boolean started;
        private Open open = Open.NONE;
        private int index = -1;
        private long lastPing;

        Answer(Exchange exchange, MessagesRequest request, MessagesJson json, boolean streamed) {
            this.exchange = exchange;
            this.request = request;
            this.json = json;
            this.streamed = streamed;
            this.stops = new StopSequences(request.stopSequences());
        }

        @Override
        public void onReasoning(String delta) {
            startIfNeeded();
            if (!request.showThinking()) {
                pingIfDue();
                return;
            }
            thinking.append(delta);
            if (streamed) {
                openBlock(Open.THINKING, MessagesJson.thinkingBlock("", ""));
                delta(NODES.objectNode().put("type", "thinking_delta").put("thinking", delta));
            }
        }

        @Override
        public void onText(String delta) {
            startIfNeeded();
            text(stops.feed(delta));
        }

        private void text(String shown) {
            if (shown.isEmpty()) {
                return;
            }
            text.append(shown);
            if (streamed) {
                openBlock(Open.TEXT, MessagesJson.textBlock(""));
                delta(NODES.objectNode().put("type", "text_delta").put("text", shown));
            }
        }

        /** Starts the stream with {@code message_start} and a {@code ping}, once there is something to say. */
        private void startIfNeeded() {
            if (started || !streamed) {
                return;
            }
            started = true;
            exchange.startEventStream();
            send("message_start", NODES.objectNode().set("message", json.message(NODES.arrayNode(), null, null, 1)));
            send("ping", NODES.objectNode());
            lastPing = t3.clock().millis();
        }

        private void pingIfDue() {
            long now = t3.clock().millis();
            if (streamed && now - lastPing >= PING_EVERY.toMillis()) {
                send("ping", NODES.objectNode());
                lastPing = now;
            }
        }

        private void openBlock(Open kind, ObjectNode block) {
            if (open == kind) {
                return;
            }
            closeBlock();
            open = kind;
            index++;
            send("content_block_start", NODES.objectNode().put("index", index).set("content_block", block));
        }

        private void closeBlock() {
            if (open == Open.THINKING) {
                delta(NODES.objectNode().put("type", "signature_delta").put("signature", MessagesJson.SIGNATURE));
            }
            if (open != Open.NONE) {
                send("content_block_stop", NODES.objectNode().put("index", index));
            }
            open = Open.NONE;
        }

        private void delta(ObjectNode delta) {
            send("content_block_delta", NODES.objectNode().put("index", index).set("delta", delta));
        }

        /** Ends the answer: the held-back text, the calls, the stop reason; returns the whole message. */
        ObjectNode finish(TurnResult result) {
            text(stops.flush());
            startIfNeeded();
            closeBlock();
            boolean cut = stops.matched().isPresent();
            List<ToolCall> calls = cut ? List.of() : result.calls();
            ArrayNode content = NODES.arrayNode();
            if (!thinking.isEmpty()) {
                content.add(MessagesJson.thinkingBlock(thinking.toString(), MessagesJson.SIGNATURE));
            }
            if (!text.isEmpty()) {
                content.add(MessagesJson.textBlock(text.toString()));
            }
            int outputTokens = CompletionJson.tokens(text.toString()) + CompletionJson.tokens(result.reasoning());
            for (ToolCall call : calls) {
                content.add(MessagesJson.toolUseBlock(call, true));
                outputTokens += CompletionJson.tokens(call.name()) + CompletionJson.tokens(CompletionJson.arguments(call));
                if (streamed) {
                    index++;
                    send("content_block_start", NODES.objectNode().put("index", index)
                            .set("content_block", MessagesJson.toolUseBlock(call, false)));
                    for (String piece : CompletionJson.pieces(CompletionJson.arguments(call), ARGUMENT_PIECE)) {
                        delta(NODES.objectNode().put("type", "input_json_delta").put("partial_json", piece));
                    }
                    send("content_block_stop", NODES.objectNode().put("index", index));
                }
            }
            String stopReason = MessagesJson.stopReason(result.finish(), cut);
            String stopSequence = stops.matched().orElse(null);
            if (streamed) {
                ObjectNode delta = NODES.objectNode().put("stop_reason", stopReason).put("stop_sequence", stopSequence);
                send("message_delta", NODES.objectNode().<ObjectNode>set("delta", delta)
                        .set("usage", json.usage(outputTokens)));
                exchange.ending();
                send("message_stop", NODES.objectNode());
                exchange.endEventStream();
            }
            return json.message(content, stopReason, stopSequence, outputTokens);
        }

        /** Ends a started stream with an {@code error} event (no {@code message_stop}). */
        void fail(ApiErrorException error) {
            exchange.errorEvent(error);
            exchange.endEventStream();
        }

        private void send(String type, ObjectNode event) {
            ObjectNode data = NODES.objectNode().put("type", type);
            data.setAll(event);
            exchange.event(type, data);
        }
    }
}
