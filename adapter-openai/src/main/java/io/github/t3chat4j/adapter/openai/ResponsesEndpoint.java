package io.github.t3chat4j.adapter.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.t3chat4j.adapter.openai.internal.emulation.DeltaListener;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulatedTurn;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationException;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationRequest;
import io.github.t3chat4j.adapter.openai.internal.emulation.ToolCall;
import io.github.t3chat4j.adapter.openai.internal.emulation.Turn;
import io.github.t3chat4j.adapter.openai.internal.emulation.TurnResult;
import io.github.t3chat4j.adapter.openai.internal.emulation.Upstream;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The Responses API: {@code POST /v1/responses} runs an emulated turn (the previous response's
 * conversation first, when {@code previous_response_id} names one this gateway made) and answers a
 * {@code response}, or streams its events: {@code response.created}, {@code response.in_progress}, then
 * per output item {@code response.output_item.added}, its parts and deltas (reasoning summary text,
 * output text, function call arguments) and {@code response.output_item.done}, and last
 * {@code response.completed} (or {@code response.incomplete}). The stream begins with the reply's first
 * delta, so a failure before it (t3.chat's 429, say) is an HTTP error with its status; after it,
 * {@code response.failed}. {@code GET} (and {@code HEAD}) and {@code DELETE} of
 * {@code /v1/responses/{id}} read and forget a stored response.
 */
final class ResponsesEndpoint {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ARGUMENT_PIECE = 64;

    private final T3Upstream t3;
    private final ResponseStore store = new ResponseStore();

    ResponsesEndpoint(T3Upstream t3) {
        this.t3 = t3;
    }

    /** {@code GET} or {@code HEAD /v1/responses/{id}}. */
    void retrieve(Exchange exchange, String id) {
        exchange.json(200, store.get(id).orElseThrow(() -> notFound(id)).response());
    }

    /** {@code DELETE /v1/responses/{id}}. */
    void delete(Exchange exchange, String id) {
        if (!store.remove(id)) {
            throw notFound(id);
        }
        exchange.json(200, NODES.objectNode().put("id", id).put("object", "response.deleted").put("deleted", true));
    }

    private static ApiErrorException notFound(String id) {
        return new ApiErrorException(404, "invalid_request_error", "response_not_found", null,
                "No response with id '" + RequestFields.shown(id) + "' is kept by this gateway (responses live as"
                        + " long as it runs, the most recent " + ResponseStore.MAX_RESPONSES + " of them).", null);
    }

    /** {@code POST /v1/responses}; returns the model asked for (for the access log). */
    String create(Exchange exchange, long maxRequestBytes) {
        ResponsesRequest request = ResponsesRequest.parse(exchange.readJsonObject(maxRequestBytes), store::item);
        exchange.watchForDeparture();
        List<Turn> conversation = new ArrayList<>();
        if (request.previousResponseId() != null) {
            conversation.addAll(store.get(request.previousResponseId()).orElseThrow(() -> new ApiErrorException(400,
                    "invalid_request_error", "previous_response_not_found", "previous_response_id",
                    "Previous response with id '" + RequestFields.shown(request.previousResponseId())
                            + "' not found: this gateway keeps the responses it made (stored ones) while it runs.",
                    null)).conversation());
        }
        conversation.addAll(request.input());
        ModelInfo model = t3.resolveModel(request.model());
        EmulationRequest emulation;
        try {
            emulation = new EmulationRequest(request.instructions(), conversation, request.tools(), request.choice(),
                    request.parallelCalls(), request.format());
        } catch (EmulationException e) {
            throw ApiErrorException.badRequest(ResponsesRequest.param(e.subject()), e.getMessage());
        }
        EmulatedTurn turn = Emulations.turn(emulation, "call_", ResponsesRequest::param);
        ResponseJson json = new ResponseJson(t3.clock().instant().getEpochSecond(), model.id().value(), request);
        int inputTokens = Emulations.promptTokens(turn.prompt());
        Upstream upstream = t3.upstream(exchange, model, request.effort(), request.search());
        if (request.stream()) {
            EventWriter events = new EventWriter(exchange, json);
            TurnResult result;
            try {
                result = turn.run(upstream, events);
            } catch (T3Upstream.ClientGoneException gone) {
                throw gone;
            } catch (RuntimeException failure) {
                if (!events.started()) {
                    throw failure;
                }
                events.fail(ErrorMapper.map(failure));
                return model.id().value();
            }
            remember(request, json, conversation, result, events.finish(result, inputTokens));
        } else {
            TurnResult result = turn.run(upstream, DeltaListener.NONE);
            ObjectNode response = json.finished(result, json.output(result), inputTokens);
            remember(request, json, conversation, result, response);
            exchange.json(200, response);
        }
        return model.id().value();
    }

    private void remember(ResponsesRequest request, ResponseJson json, List<Turn> conversation, TurnResult result,
            ObjectNode response) {
        if (!request.store()) {
            return;
        }
        List<Turn> all = new ArrayList<>(conversation);
        all.add(new Turn.Assistant(result.text(), result.calls()));
        store.put(json.id(), all, response);
    }

    /**
     * Writes the events of a streamed response as the turn goes: an item opens when its first delta
     * arrives (reasoning or text; a change between them closes the open item and opens a new one), and
     * the calls come once the turn is over. Every event carries its {@code sequence_number}.
     */
    private static final class EventWriter implements DeltaListener {

        private enum Open { NONE, REASONING, MESSAGE }

        private final Exchange exchange;
        private final ResponseJson json;
        private final ArrayNode output = NODES.arrayNode();
        private int sequence;
        private boolean started;
        private Open open = Open.NONE;
        private String itemId;
        private final StringBuilder itemText = new StringBuilder();

        EventWriter(Exchange exchange, ResponseJson json) {
            this.exchange = exchange;
            this.json = json;
        }

        boolean started() {
            return started;
        }

        /** The stream's first events, once there is something to say: a failure before is an HTTP error. */
        private void startIfNeeded() {
            if (started) {
                return;
            }
            started = true;
            exchange.startEventStream();
            ObjectNode created = json.response("in_progress", NODES.arrayNode());
            send("response.created", NODES.objectNode().set("response", created));
            send("response.in_progress", NODES.objectNode().set("response", created));
        }

        @Override
        public void onReasoning(String delta) {
            startIfNeeded();
            if (open != Open.REASONING) {
                close();
                open = Open.REASONING;
                itemId = Emulations.id("rs_");
                send("response.output_item.added", item(ResponseJson.reasoningItem(itemId, null)));
                send("response.reasoning_summary_part.added", summary().set("part", ResponseJson.summaryPart("")));
            }
            itemText.append(delta);
            send("response.reasoning_summary_text.delta", summary().put("delta", delta));
        }

        @Override
        public void onText(String delta) {
            startIfNeeded();
            if (open != Open.MESSAGE) {
                close();
                open = Open.MESSAGE;
                itemId = Emulations.id("msg_");
                send("response.output_item.added", item(ResponseJson.messageItem(itemId, null, "in_progress")));
                send("response.content_part.added", content().set("part", ResponseJson.textPart("")));
            }
            itemText.append(delta);
            send("response.output_text.delta", content().put("delta", delta).set("logprobs", NODES.arrayNode()));
        }

        private void close() {
            String text = itemText.toString();
            if (open == Open.REASONING) {
                send("response.reasoning_summary_text.done", summary().put("text", text));
                send("response.reasoning_summary_part.done", summary().set("part", ResponseJson.summaryPart(text)));
                done(ResponseJson.reasoningItem(itemId, text));
            } else if (open == Open.MESSAGE) {
                send("response.output_text.done", content().put("text", text).set("logprobs", NODES.arrayNode()));
                send("response.content_part.done", content().set("part", ResponseJson.textPart(text)));
                done(ResponseJson.messageItem(itemId, text, "completed"));
            }
            open = Open.NONE;
            itemText.setLength(0);
        }

        /** Closes what is open, writes the calls and the final event; returns the finished response. */
        ObjectNode finish(TurnResult result, int inputTokens) {
            startIfNeeded();
            close();
            if (output.isEmpty() && result.calls().isEmpty()) {
                onText("");
                close();
            }
            for (ToolCall call : result.calls()) {
                itemId = Emulations.id("fc_");
                String arguments = CompletionJson.arguments(call);
                send("response.output_item.added", item(json.functionCallItem(itemId, call, "", "in_progress")));
                for (String piece : CompletionJson.pieces(arguments, ARGUMENT_PIECE)) {
                    send("response.function_call_arguments.delta", itemEvent().put("delta", piece));
                }
                send("response.function_call_arguments.done", itemEvent().put("name", json.toolName(call))
                        .put("arguments", arguments));
                done(json.functionCallItem(itemId, call, arguments, "completed"));
            }
            ObjectNode response = json.finished(result, output.deepCopy(), inputTokens);
            String status = response.path("status").asText();
            exchange.ending();
            send(status.equals("completed") ? "response.completed" : "response.incomplete",
                    NODES.objectNode().set("response", response));
            exchange.endEventStream();
            return response;
        }

        void fail(ApiErrorException error) {
            close();
            send("response.failed", NODES.objectNode().set("response", json.failed(output.deepCopy(), error)));
            exchange.endEventStream();
        }

        private void done(ObjectNode item) {
            send("response.output_item.done", NODES.objectNode().put("output_index", output.size())
                    .set("item", item));
            output.add(item);
        }

        private ObjectNode item(ObjectNode item) {
            return NODES.objectNode().put("output_index", output.size()).set("item", item);
        }

        private ObjectNode itemEvent() {
            return NODES.objectNode().put("item_id", itemId).put("output_index", output.size());
        }

        private ObjectNode summary() {
            return itemEvent().put("summary_index", 0);
        }

        private ObjectNode content() {
            return itemEvent().put("content_index", 0);
        }

        private void send(String type, ObjectNode event) {
            ObjectNode data = NODES.objectNode().put("type", type).put("sequence_number", sequence++);
            data.setAll(event);
            exchange.event(type, data);
        }
    }
}
