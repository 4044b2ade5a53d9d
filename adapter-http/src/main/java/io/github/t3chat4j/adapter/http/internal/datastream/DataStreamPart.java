package io.github.t3chat4j.adapter.http.internal.datastream;

import static java.util.Objects.requireNonNull;

/**
 * One line of the older AI SDK data stream, {@code <code>:<json>}, split but not yet decoded.
 *
 * @param code the type code before the colon ({@code 0} text, {@code g} reasoning, {@code 2} data,
 *     {@code 3} error, {@code e}/{@code d} finish, {@code f} start, …)
 * @param payload the JSON text after the colon
 */
public record DataStreamPart(String code, String payload) {

    public DataStreamPart {
        requireNonNull(code, "code == null");
        requireNonNull(payload, "payload == null");
    }
}
