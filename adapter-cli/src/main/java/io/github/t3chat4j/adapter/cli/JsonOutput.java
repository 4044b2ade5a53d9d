package io.github.t3chat4j.adapter.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** Writes the {@code --json} output of the commands with Jackson: one line, numbers as plain decimals. */
final class JsonOutput {

    private JsonOutput() {
    }

    /** Built on first use: commands without {@code --json} never load Jackson. */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** {@code value} (maps, lists, strings, numbers, booleans, nulls) as one line of JSON. */
    static String write(Object value) {
        try {
            return Holder.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write the JSON output", e);
        }
    }
}
