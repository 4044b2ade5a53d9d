package io.github.t3chat4j.adapter.openai.internal.emulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a model's reply, as it streams in pieces cut anywhere, into text and
 * {@code <tool_call>{"name":…,"arguments":{…}}</tool_call>} blocks. Text is given out as soon as it
 * cannot be the start of a block (only a possible {@code <tool_call>} prefix at the end of a piece is
 * held back); a block is given out once closed.
 *
 * <p>The rules: a block counts only outside Markdown code: not in a fenced code block (a line of three
 * or more backticks or tildes, up to three spaces in, opens one; a line of at least as many of the same
 * closes it, as CommonMark says) and not right after a backtick (inline code); there it is text. A block
 * ends at the first {@code </tool_call>} outside a JSON string. Its content must be a JSON object with a
 * string {@code name} and an object {@code arguments} ({@code parameters} or {@code input} are read the
 * same; arguments written as a JSON string holding an object are unwrapped; none is {@code {}}; a JSON
 * array holding one such object is read as that object). Anything else, malformed JSON included, is a
 * {@link ReplyPart.Malformed} (never text: the model meant a call, and the caller asks it again). At the
 * end of the reply a block never closed counts as closed when its content is a whole call, and is
 * malformed otherwise.
 *
 * <p>With calls off ({@link #textOnly()}), everything is text. One reply per parser, one thread.
 */
public final class ReplyParser {

    static final String OPEN = "<tool_call>";
    static final String CLOSE = "</tool_call>";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final int MAX_LINE_KEPT = 256;

    private final boolean parseCalls;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder block = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private List<ReplyPart> out = new ArrayList<>();
    private int tagMatched;
    private boolean inBlock;
    private boolean inString;
    private boolean escaped;
    private char fenceChar;
    private int fenceLength;
    private char previous = '\n';

    private ReplyParser(boolean parseCalls) {
        this.parseCalls = parseCalls;
    }

    /** A parser that finds call blocks. */
    public static ReplyParser forCalls() {
        return new ReplyParser(true);
    }

    /** A parser for which everything is text. */
    public static ReplyParser textOnly() {
        return new ReplyParser(false);
    }

    /** The parts {@code piece} completes, in order (adjacent text joined). */
    public List<ReplyPart> feed(String piece) {
        run(piece);
        return drain();
    }

    /** The parts left at the end of the reply: held-back text, a block never closed. */
    public List<ReplyPart> finish() {
        finishPending();
        return drain();
    }

    private void run(String piece) {
        for (int i = 0; i < piece.length(); i++) {
            accept(piece.charAt(i));
        }
    }

    private void finishPending() {
        if (tagMatched > 0) {
            String held = OPEN.substring(0, tagMatched);
            tagMatched = 0;
            held.chars().forEach(c -> emit((char) c));
        }
        if (!inBlock) {
            return;
        }
        String content = block.toString();
        inBlock = false;
        resetBlockState();
        flushText();
        int close = content.indexOf(CLOSE);
        if (close >= 0) {
            // A close tag that seemed to sit inside a JSON string (an unbalanced quote): the block ends there.
            out.add(parse(content.substring(0, close), OPEN + content.substring(0, close) + CLOSE));
            afterBlock();
            run(content.substring(close + CLOSE.length()));
            finishPending();
            return;
        }
        ReplyPart part = parse(content, OPEN + content);
        out.add(part instanceof ReplyPart.Malformed malformed
                ? new ReplyPart.Malformed(malformed.block(), "the block was not closed with " + CLOSE + " ("
                        + malformed.problem() + ")")
                : part);
    }

    private void accept(char c) {
        if (inBlock) {
            inBlockChar(c);
            return;
        }
        if (tagMatched > 0) {
            if (c == OPEN.charAt(tagMatched)) {
                tagMatched++;
                if (tagMatched == OPEN.length()) {
                    tagMatched = 0;
                    flushText();
                    inBlock = true;
                    resetBlockState();
                }
                return;
            }
            String held = OPEN.substring(0, tagMatched);
            tagMatched = 0;
            held.chars().forEach(h -> emit((char) h));
            accept(c);
            return;
        }
        if (c == '<' && parseCalls && fenceLength == 0 && previous != '`') {
            tagMatched = 1;
            return;
        }
        emit(c);
    }

    private void inBlockChar(char c) {
        block.append(c);
        if (escaped) {
            escaped = false;
        } else if (inString) {
            if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '>' && endsWithClose()) {
            String content = block.substring(0, block.length() - CLOSE.length());
            out.add(parse(content, OPEN + content + CLOSE));
            inBlock = false;
            block.setLength(0);
            afterBlock();
        }
    }

    /** What follows a block on its line is not the start of a fence line, nor inline code. */
    private void afterBlock() {
        line.append('\u0000');
        previous = '>';
    }

    private boolean endsWithClose() {
        int start = block.length() - CLOSE.length();
        return start >= 0 && block.indexOf(CLOSE, start) == start;
    }

    private void resetBlockState() {
        block.setLength(0);
        inString = false;
        escaped = false;
    }

    /** Text that is decided: kept for the next part, and followed for fences line by line. */
    private void emit(char c) {
        text.append(c);
        previous = c;
        if (c == '\n') {
            endOfLine(line.toString());
            line.setLength(0);
        } else if (line.length() < MAX_LINE_KEPT) {
            line.append(c);
        }
    }

    private void endOfLine(String content) {
        Matcher fence = FENCE.matcher(content.endsWith("\r") ? content.substring(0, content.length() - 1) : content);
        if (!fence.matches()) {
            return;
        }
        String run = fence.group(1);
        String rest = fence.group(2);
        if (fenceLength == 0) {
            if (run.charAt(0) == '`' && rest.indexOf('`') >= 0) {
                return;
            }
            fenceChar = run.charAt(0);
            fenceLength = run.length();
        } else if (run.charAt(0) == fenceChar && run.length() >= fenceLength && rest.isBlank()) {
            fenceLength = 0;
        }
    }

    private void flushText() {
        if (!text.isEmpty()) {
            out.add(new ReplyPart.Text(text.toString()));
            text.setLength(0);
        }
    }

    private List<ReplyPart> drain() {
        flushText();
        List<ReplyPart> parts = join(out);
        out = new ArrayList<>();
        return parts;
    }

    private static List<ReplyPart> join(List<ReplyPart> parts) {
        List<ReplyPart> joined = new ArrayList<>();
        for (ReplyPart part : parts) {
            int last = joined.size() - 1;
            if (part instanceof ReplyPart.Text next && last >= 0 && joined.get(last) instanceof ReplyPart.Text before) {
                joined.set(last, new ReplyPart.Text(before.text() + next.text()));
            } else {
                joined.add(part);
            }
        }
        return joined;
    }

    /** The call a block's content holds, or why it holds none. */
    static ReplyPart parse(String content, String written) {
        JsonNode json;
        try {
            json = JSON.readTree(content.strip());
        } catch (JsonProcessingException e) {
            return new ReplyPart.Malformed(written, "its content is not valid JSON: " + SchemaCheck.firstLine(
                    e.getOriginalMessage()));
        }
        if (json == null || json.isMissingNode()) {
            return new ReplyPart.Malformed(written, "it is empty");
        }
        if (json.isArray() && json.size() == 1) {
            json = json.get(0);
        }
        if (!json.isObject()) {
            return new ReplyPart.Malformed(written, json.isArray()
                    ? "it holds a list; write one block per call"
                    : "its content must be a JSON object with \"name\" and \"arguments\"");
        }
        JsonNode name = json.path("name");
        if (!name.isTextual() || name.asText().isBlank()) {
            return new ReplyPart.Malformed(written, "it has no \"name\" string");
        }
        JsonNode arguments = json.has("arguments") ? json.get("arguments")
                : json.has("parameters") ? json.get("parameters") : json.path("input");
        if (arguments.isTextual()) {
            try {
                arguments = JSON.readTree(arguments.asText());
            } catch (JsonProcessingException e) {
                return new ReplyPart.Malformed(written, "its \"arguments\" string is not JSON");
            }
        }
        if (arguments == null || arguments.isMissingNode() || arguments.isNull()) {
            arguments = JsonNodeFactory.instance.objectNode();
        }
        if (!arguments.isObject()) {
            return new ReplyPart.Malformed(written, "its \"arguments\" is not a JSON object");
        }
        return new ReplyPart.Call(name.asText(), arguments, written);
    }
}
