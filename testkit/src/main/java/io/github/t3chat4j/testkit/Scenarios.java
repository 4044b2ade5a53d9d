package io.github.t3chat4j.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The stock chat scenarios of the fake server. */
public final class Scenarios {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Scenarios() {
    }

    /** The reply text of {@link #echo()} for a request: {@code Echo(<message count>): <last user text>}. */
    public static String echoText(ChatExchange exchange) {
        return "Echo(" + exchange.messageCount() + "): " + exchange.lastUserText();
    }

    /**
     * The default: answers {@code Echo(<number of messages in the request>): <last user text>} as a UI
     * message stream, split into several text deltas written separately.
     */
    public static ChatScenario echo() {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(type("start-step")).event(part("text-start", "txt-0"));
            for (String piece : ChatExchange.split(echoText(exchange), 4)) {
                out.event(textDelta("txt-0", piece));
            }
            out.event(part("text-end", "txt-0")).event(type("finish-step")).event(finish("stop")).done();
        };
    }

    /** {@code {"type":"start","messageId":…}} echoing the request's response id. */
    public static String start(ChatExchange exchange) {
        ObjectNode node = JSON.createObjectNode().put("type", "start").put("messageId", exchange.responseMessageId());
        return node.toString();
    }

    /** {@code {"type":<type>}}. */
    public static String type(String type) {
        return JSON.createObjectNode().put("type", type).toString();
    }

    /** {@code {"type":<type>,"id":<id>}}. */
    public static String part(String type, String id) {
        return JSON.createObjectNode().put("type", type).put("id", id).toString();
    }

    /** {@code {"type":"text-delta","id":…,"delta":…}}, JSON-escaped. */
    public static String textDelta(String id, String delta) {
        return JSON.createObjectNode().put("type", "text-delta").put("id", id).put("delta", delta).toString();
    }

    /** {@code {"type":"reasoning-delta","id":…,"delta":…}}, JSON-escaped. */
    public static String reasoningDelta(String id, String delta) {
        return JSON.createObjectNode().put("type", "reasoning-delta").put("id", id).put("delta", delta).toString();
    }

    /** {@code {"type":"finish","finishReason":…}}. */
    public static String finish(String reason) {
        return JSON.createObjectNode().put("type", "finish").put("finishReason", reason).toString();
    }

    static String quote(String text) throws IOException {
        return JSON.writeValueAsString(text);
    }
}
