package io.github.t3chat4j.adapter.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * Writes the {@code --json} output of the commands with Jackson: one line, numbers as plain decimals, and
 * every control character escaped ({@code \u001b}, and DEL and the C1 controls too, which JSON would let
 * through as they are), so that the output is as safe on a terminal as on a pipe.
 */
final class JsonOutput {

    private JsonOutput() {
    }

    /** Built on first use: commands without {@code --json} never load Jackson. */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

        static {
            MAPPER.getFactory().setCharacterEscapes(new ControlEscapes());
        }
    }

    /** JSON's standard escapes, plus {@code \\uXXXX} for DEL and the C1 controls. */
    private static final class ControlEscapes extends CharacterEscapes {
        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

        static {
            ASCII[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch < 0xA0 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
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
