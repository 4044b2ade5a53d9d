package io.github.t3chat4j.adapter.http.internal.chat;

import io.github.t3chat4j.adapter.http.internal.datastream.DataStreamParser;

/** The two reply formats of PROTOCOL.md 3a and 3b, and how to tell them apart. */
enum StreamFormat {
    /** AI SDK "UI message stream": server-sent events with JSON data. */
    UI_MESSAGE_STREAM,
    /** AI SDK "data stream": {@code <code>:<json>} lines. */
    DATA_STREAM,
    /** Not said by the headers: sniff the first non-empty line. */
    UNKNOWN;

    /** The format the response headers announce (either header value may be null). */
    static StreamFormat fromHeaders(String uiMessageStreamHeader, String dataStreamHeader) {
        if (uiMessageStreamHeader != null && !uiMessageStreamHeader.isBlank()) {
            return UI_MESSAGE_STREAM;
        }
        if (dataStreamHeader != null && !dataStreamHeader.isBlank()) {
            return DATA_STREAM;
        }
        return UNKNOWN;
    }

    /** The format a first non-empty line shows: {@code data:} (or another SSE line) versus {@code <code>:}. */
    static StreamFormat fromFirstLine(String line) {
        if (line.startsWith("data") || line.startsWith(":") || line.startsWith("event") || line.startsWith("id")
                || line.startsWith("retry")) {
            return UI_MESSAGE_STREAM;
        }
        return DataStreamParser.looksLikePart(line) ? DATA_STREAM : UI_MESSAGE_STREAM;
    }
}
