package io.github.t3chat4j.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    /** The reply of {@link #markdown(long)}: a heading, emphasis, code in two languages, lists, a quote, a table, a link. */
    public static final String MARKDOWN_TEXT = String.join("\n",
            "# Markdown in the terminal",
            "",
            "Replies are **rendered** as they stream: *emphasis*, `inline code`, and",
            "[links](https://github.com/commonmark/commonmark-java).",
            "",
            "## Code",
            "",
            "```java",
            "public final class Hello {",
            "    public static void main(String[] args) {",
            "        System.out.println(\"Hello, \" + args.length); // greet",
            "    }",
            "}",
            "```",
            "",
            "```bash",
            "# build, then ask",
            "mvn -q package && java -jar t3.jar ask \"$QUESTION\"",
            "```",
            "",
            "## Lists",
            "",
            "1. Numbered items",
            "2. with nested bullets:",
            "   - one",
            "   - two",
            "",
            "> A block quote, for asides.",
            "",
            "| Language | Typing  | Since |",
            "|:---------|:-------:|------:|",
            "| Java     | static  |  1995 |",
            "| Python   | dynamic |  1991 |",
            "",
            "---",
            "",
            "Type `/copy code` in `t3 chat` to copy the last code block.",
            "");

    /** {@link #MARKDOWN_TEXT} in deltas of a few characters, {@code pauseMillis} apart, as a model streams it. */
    public static ChatScenario markdown(long pauseMillis) {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(type("start-step")).event(part("text-start", "txt-0"));
            for (String piece : ChatExchange.split(MARKDOWN_TEXT, MARKDOWN_TEXT.length() / 5)) {
                out.event(textDelta("txt-0", piece));
                if (pauseMillis > 0) {
                    out.pause(pauseMillis);
                }
            }
            out.event(part("text-end", "txt-0")).event(type("finish-step")).event(finish("stop")).done();
        };
    }

    /**
     * The offline demo's answer: an image model ({@code gpt-image-1}, …) gets the image at
     * {@code imageUrl}; a message containing "slowly" gets its echo one word at a time (to try Ctrl-C);
     * one containing "markdown" gets {@link #MARKDOWN_TEXT} in small deltas; medium or high reasoning effort
     * gets some reasoning before the echo; anything else gets {@link #echo()}.
     */
    public static ChatScenario demo(URI imageUrl) {
        return demo(imageUrl, 250);
    }

    /** {@link #demo(URI)} with the pause between words of a "slowly" reply. */
    public static ChatScenario demo(URI imageUrl, long slowPauseMillis) {
        long pause = slowPauseMillis;
        ChatScenario echo = echo();
        ChatScenario markdown = markdown(Math.max(0, pause / 50));
        return exchange -> {
            String model = exchange.body().path("model").asText("");
            String effort = exchange.body().path("modelParams").path("reasoningEffort").asText("low");
            if (model.contains("image")) {
                imageReply(exchange, imageUrl.toString());
            } else if (exchange.lastUserText().toLowerCase(java.util.Locale.ROOT).contains("slowly")) {
                EventStreamWriter out = exchange.startEventStream();
                out.event(start(exchange)).event(part("text-start", "txt-0"));
                for (String word : (echoText(exchange) + " — one word at a time, so there is time to press"
                        + " Ctrl-C and see the partial reply kept.").split(" ")) {
                    out.event(textDelta("txt-0", word + " ")).pause(pause);
                }
                out.event(part("text-end", "txt-0")).event(finish("stop")).done();
            } else if (exchange.lastUserText().toLowerCase(java.util.Locale.ROOT).contains("markdown")) {
                markdown.respond(exchange);
            } else if (!effort.equals("low")) {
                EventStreamWriter out = exchange.startEventStream();
                out.event(start(exchange)).event(type("start-step")).event(part("reasoning-start", "rsn-0"));
                String thought = "The user sent " + exchange.messageCount() + " message(s) with " + effort
                        + " effort; the demo server echoes the last one.";
                for (String piece : ChatExchange.split(thought, 3)) {
                    out.event(reasoningDelta("rsn-0", piece));
                }
                out.event(part("reasoning-end", "rsn-0")).event(part("text-start", "txt-0"));
                for (String piece : ChatExchange.split(echoText(exchange), 4)) {
                    out.event(textDelta("txt-0", piece));
                }
                out.event(part("text-end", "txt-0")).event(type("finish-step")).event(finish("stop")).done();
            } else {
                echo.respond(exchange);
            }
        };
    }

    /**
     * A model's reply of {@code text}, in deltas of a few characters (so that blocks and JSON arrive split
     * across events, as they do from real models).
     */
    public static ChatScenario reply(String text) {
        return reasoningThenReply("", text);
    }

    /** Reasoning (none when empty), then {@code text}, each in deltas of a few characters. */
    public static ChatScenario reasoningThenReply(String reasoning, String text) {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(type("start-step"));
            if (!reasoning.isEmpty()) {
                out.event(part("reasoning-start", "rsn-0"));
                for (String piece : ChatExchange.split(reasoning, Math.max(1, reasoning.length() / 7))) {
                    out.event(reasoningDelta("rsn-0", piece));
                }
                out.event(part("reasoning-end", "rsn-0"));
            }
            out.event(part("text-start", "txt-0"));
            for (String piece : ChatExchange.split(text, Math.max(1, text.length() / 7))) {
                out.event(textDelta("txt-0", piece));
            }
            out.event(part("text-end", "txt-0")).event(type("finish-step")).event(finish("stop")).done();
        };
    }

    /**
     * A model that uses one tool as the t3chat4j gateway asks models to (PROTOCOL.md has nothing of it:
     * t3.chat has no client tools, the gateway emulates them in text). When the request's last user
     * message holds a {@code <tool_result …>…</tool_result>} block, it answers {@code answerPrefix}
     * followed by the result's content. Otherwise, when the system prompt offers a tool named
     * {@code tool}, it says {@link #TOOL_PREAMBLE} and calls it with {@code argumentsJson} in a
     * {@code <tool_call>} block. With no such tool offered it echoes, as {@link #echo()}.
     */
    public static ChatScenario toolUser(String tool, String argumentsJson, String answerPrefix) {
        ChatScenario echo = echo();
        return exchange -> {
            String last = exchange.lastUserText();
            int result = last.lastIndexOf("<tool_result");
            if (result >= 0) {
                int open = last.indexOf('>', result);
                int close = last.indexOf("</tool_result>", open);
                String content = open < 0 || close < 0 ? "" : last.substring(open + 1, close).strip();
                reply(answerPrefix + content).respond(exchange);
            } else if (exchange.systemPrompt().contains("\"name\":\"" + tool + "\"")) {
                reply(TOOL_PREAMBLE + "<tool_call>{\"name\": " + quote(tool) + ", \"arguments\": " + argumentsJson
                        + "}</tool_call>").respond(exchange);
            } else {
                echo.respond(exchange);
            }
        };
    }

    /** What {@link #toolUser} says before its call. */
    public static final String TOOL_PREAMBLE = "Let me look that up.\n";

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

    /** The reasoning of {@link #reasoning()}. */
    public static final String REASONING_TEXT = "The user greets me, so I greet back.";
    /** The answer of {@link #reasoning()}. */
    public static final String REASONING_ANSWER = "Hello! How can I help?";
    /** The text {@link #errorAfterText()} sends before failing. */
    public static final String PARTIAL_TEXT = "I was about to say ";
    /** The in-stream error of {@link #errorAfterText()}. */
    public static final String ERROR_TEXT = "The model provider is overloaded.";
    /** The text {@link #invalidJsonLine()} sends around its broken line. */
    public static final String AROUND_INVALID_JSON = "Hello world";
    /** The reasoning of {@link #dataStream()}. */
    public static final String DATA_STREAM_REASONING = "thinking it over";
    /** The text of {@link #dataStream()}. */
    public static final String DATA_STREAM_TEXT = "Hello there";
    /** The text of {@link #splitUtf8()}: umlauts, emoji (4 UTF-8 bytes) and CJK (3 bytes). */
    public static final String SPLIT_UTF8_TEXT = "Grüße 😀 你好 🎉 end";
    /** The first delta of {@link #gated}, written before the gate opens. */
    public static final String GATED_FIRST = "first, ";
    /** The text {@link #gated} writes after the gate opened. */
    public static final String GATED_REST = "then the rest";
    /** The text of {@link #slow(long)}. */
    public static final String SLOW_TEXT = "slow and steady";
    /** A real 1×1 PNG. */
    public static final byte[] TINY_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    /** {@link #TINY_PNG} as the {@code data:} URL {@link #inlineImage()} sends. */
    public static final String TINY_PNG_DATA_URL = "data:image/png;base64," + Base64.getEncoder().encodeToString(TINY_PNG);
    /** The page {@link #botChallenge()} answers with. */
    public static final String CHALLENGE_PAGE = """
            <!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head>
            <body><div id="challenge-body">Checking your browser before accessing t3.chat.</div></body></html>
            """;

    /** Reasoning ({@code reasoning-start}/{@code -delta}/{@code -end}) and then the answer text. */
    public static ChatScenario reasoning() {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(type("start-step")).event(part("reasoning-start", "rsn-0"));
            for (String piece : ChatExchange.split(REASONING_TEXT, 3)) {
                out.event(reasoningDelta("rsn-0", piece));
            }
            out.event(part("reasoning-end", "rsn-0")).event(part("text-start", "txt-0"));
            for (String piece : ChatExchange.split(REASONING_ANSWER, 3)) {
                out.event(textDelta("txt-0", piece));
            }
            out.event(part("text-end", "txt-0")).event(type("finish-step")).event(finish("stop")).done();
        };
    }

    /**
     * An image model's reply whose image lives at {@code imageUrl} (another origin, such as a
     * {@link FakeImageHost}): a tool call whose {@code tool-output-available} carries {@code output.url}.
     */
    public static ChatScenario imageAt(URI imageUrl) {
        String url = imageUrl.toString();
        return exchange -> imageReply(exchange, url);
    }

    /** An image reply whose URL is the inline {@link #TINY_PNG_DATA_URL}. */
    public static ChatScenario inlineImage() {
        return exchange -> imageReply(exchange, TINY_PNG_DATA_URL);
    }

    private static void imageReply(ChatExchange exchange, String url) throws IOException {
        EventStreamWriter out = exchange.startEventStream();
        out.event(start(exchange)).event(type("start-step"))
                .event(JSON.createObjectNode().put("type", "tool-input-start").put("toolCallId", "call-0")
                        .put("toolName", "generateImage").toString())
                .event(JSON.createObjectNode().put("type", "tool-input-delta").put("toolCallId", "call-0")
                        .put("inputTextDelta", "{\"prompt\":\"a cat\"}").toString());
        ObjectNode output = JSON.createObjectNode().put("type", "tool-output-available").put("toolCallId", "call-0");
        output.putObject("output").put("url", url).put("mediaType", "image/png");
        out.event(output.toString()).event(type("finish-step")).event(finish("tool-calls")).done();
    }

    /** The older data-stream format (PROTOCOL.md 3b): {@code f:}, {@code g:} reasoning, {@code 0:} text, {@code e:} and {@code d:}. */
    public static ChatScenario dataStream() {
        return exchange -> {
            EventStreamWriter out = exchange.startDataStream();
            out.raw("f:{\"messageId\":" + quote(exchange.responseMessageId()) + "}\n");
            out.raw("g:" + quote(DATA_STREAM_REASONING) + "\n");
            for (String piece : ChatExchange.split(DATA_STREAM_TEXT, 2)) {
                out.raw("0:" + quote(piece) + "\n");
            }
            out.raw("e:{\"finishReason\":\"stop\",\"usage\":{\"promptTokens\":12,\"completionTokens\":10},"
                    + "\"isContinued\":false}\n");
            out.raw("d:{\"finishReason\":\"stop\",\"usage\":{\"promptTokens\":12,\"completionTokens\":10}}\n");
        };
    }

    /** Some text ({@link #PARTIAL_TEXT}), then an {@code error} event ({@link #ERROR_TEXT}); no finish. */
    public static ChatScenario errorAfterText() {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(part("text-start", "txt-0")).event(textDelta("txt-0", PARTIAL_TEXT));
            out.event(JSON.createObjectNode().put("type", "error").put("errorText", ERROR_TEXT).toString());
        };
    }

    /** Some text, then the body ends without {@code finish} or {@code [DONE]}. */
    public static ChatScenario truncated() {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(part("text-start", "txt-0")).event(textDelta("txt-0", PARTIAL_TEXT));
        };
    }

    /** {@link #AROUND_INVALID_JSON} in two deltas with a {@code data:} line that is not JSON between them. */
    public static ChatScenario invalidJsonLine() {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(textDelta("txt-0", "Hello "));
            out.raw("data: {\"type\":\"text-delta\",\"delta\":\n\n");
            out.event(textDelta("txt-0", "world")).event(finish("stop")).done();
        };
    }

    /** 429 Too Many Requests with {@code Retry-After: <seconds>}; queue it before a scenario that succeeds. */
    public static ChatScenario rateLimited(long retryAfterSeconds) {
        return exchange -> exchange.header("Retry-After", Long.toString(retryAfterSeconds))
                .json(429, "{\"error\":\"Too many requests\"}");
    }

    /** 503 Service Unavailable without {@code Retry-After}; queue it before a scenario that succeeds. */
    public static ChatScenario serviceUnavailable() {
        return exchange -> exchange.json(503, "{\"error\":\"Service unavailable\"}");
    }

    /** A bot-protection challenge: 403 with an HTML page and {@code cf-mitigated: challenge}. */
    public static ChatScenario botChallenge() {
        return exchange -> exchange.header("cf-mitigated", "challenge")
                .fixed(403, "text/html; charset=UTF-8", CHALLENGE_PAGE);
    }

    /**
     * The hCaptcha refusal of 2026 (PROTOCOL.md section 9): 400 whose body says {@code captcha_failed}, as
     * when the session's captcha token is missing or stale.
     */
    public static ChatScenario captchaFailed() {
        return exchange -> exchange.json(400, "{\"error\":\"captcha_failed\",\"message\":\"Captcha verification"
                + " failed\"}");
    }

    /**
     * A model whose reasoning efforts above {@code low} need the user's own provider key: 400 saying
     * {@code api_key_required} for those, the echo for {@code low} (PROTOCOL.md section 9).
     */
    public static ChatScenario apiKeyRequiredAboveLowEffort() {
        return exchange -> {
            if (exchange.body().path("modelParams").path("reasoningEffort").asText("low").equals("low")) {
                echo().respond(exchange);
            } else {
                exchange.json(400, "{\"error\":\"api_key_required\",\"message\":\"This model requires an API"
                        + " key at this reasoning effort\"}");
            }
        };
    }

    /** The same refusal inside the reply stream: an {@code error} event saying {@code api_key_required}. */
    public static ChatScenario apiKeyRequiredInTheStream() {
        return exchange -> exchange.startEventStream().event(start(exchange))
                .event("{\"type\":\"error\",\"errorText\":\"api_key_required: bring your own key\"}").done();
    }

    /** {@link #SLOW_TEXT} in three deltas with {@code pauseMillis} between them. */
    public static ChatScenario slow(long pauseMillis) {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(part("text-start", "txt-0"));
            String[] pieces = {"slow ", "and ", "steady"};
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    out.pause(pauseMillis);
                }
                out.event(textDelta("txt-0", pieces[i]));
            }
            out.event(finish("stop")).done();
        };
    }

    /**
     * Writes {@link #GATED_FIRST}, then waits (at most 10 s) until {@code gate} opens before writing
     * {@link #GATED_REST} and the finish: proves that a delta reaches the client before the next is written.
     */
    public static ChatScenario gated(CountDownLatch gate) {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(part("text-start", "txt-0")).event(textDelta("txt-0", GATED_FIRST));
            if (!gate.await(10, TimeUnit.SECONDS)) {
                return;
            }
            out.event(textDelta("txt-0", GATED_REST)).event(finish("stop")).done();
        };
    }

    /**
     * {@link #SPLIT_UTF8_TEXT}, with every multi-byte character's bytes split across separate flushed
     * writes (and a short pause between them), so that the client reads half a character at a time.
     */
    public static ChatScenario splitUtf8() {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange));
            String line = "data: " + textDelta("txt-0", SPLIT_UTF8_TEXT) + "\n\n";
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            for (int codePoint : line.codePoints().toArray()) {
                byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                pending.write(bytes[0]);
                if (bytes.length > 1) {
                    out.bytes(pending.toByteArray()).pause(2);
                    pending.reset();
                    out.bytes(Arrays.copyOfRange(bytes, 1, bytes.length));
                }
            }
            out.bytes(pending.toByteArray()).event(finish("stop")).done();
        };
    }

    /** The text of {@link #big(int)}: {@code w0 w1 … w<n-1> }. */
    public static String bigText(int deltas) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < deltas; i++) {
            text.append('w').append(i).append(' ');
        }
        return text.toString();
    }

    /** A long reply: {@code deltas} text deltas ({@link #bigText(int)}). */
    public static ChatScenario big(int deltas) {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            out.event(start(exchange)).event(part("text-start", "txt-0"));
            for (int i = 0; i < deltas; i++) {
                out.event(textDelta("txt-0", "w" + i + " "));
            }
            out.event(part("text-end", "txt-0")).event(finish("stop")).done();
        };
    }

    /**
     * The reply of {@link #big(int)} in one write: every event has arrived by the time the client reads the
     * first (as when a fast reply outruns its reader), so a reader can tell the next event is at hand.
     */
    public static ChatScenario burst(int deltas) {
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            StringBuilder all = new StringBuilder();
            all.append("data: ").append(start(exchange)).append("\n\n");
            all.append("data: ").append(part("text-start", "txt-0")).append("\n\n");
            for (int i = 0; i < deltas; i++) {
                all.append("data: ").append(textDelta("txt-0", "w" + i + " ")).append("\n\n");
            }
            all.append("data: ").append(part("text-end", "txt-0")).append("\n\n");
            all.append("data: ").append(finish("stop")).append("\n\n").append("data: [DONE]\n\n");
            out.raw(all.toString());
        };
    }

    /**
     * A recorded reply: {@code body}, a whole UI message stream (see {@link ReplyStreams}), written as fast
     * as the socket takes it, 64 KiB at a time.
     */
    public static ChatScenario recorded(byte[] body) {
        byte[] copy = body.clone();
        return exchange -> {
            EventStreamWriter out = exchange.startEventStream();
            for (int at = 0; at < copy.length; at += 64 * 1024) {
                out.bytes(Arrays.copyOfRange(copy, at, Math.min(copy.length, at + 64 * 1024)));
            }
        };
    }

    static String quote(String text) throws IOException {
        return JSON.writeValueAsString(text);
    }
}
