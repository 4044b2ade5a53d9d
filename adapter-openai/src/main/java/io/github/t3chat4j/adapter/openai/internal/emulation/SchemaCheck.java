package io.github.t3chat4j.adapter.openai.internal.emulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Locale;

/**
 * One client-given JSON Schema, compiled once and checked against values: a tool's parameters or a
 * structured answer's schema. Validation is networknt's json-schema-validator (draft 2020-12 unless the
 * schema names another dialect with {@code $schema}). A schema comes from the client, so nothing it
 * names is fetched: a {@code $ref} to anything but the schema itself or the standard meta-schemas
 * (bundled with the validator) is refused as a bad request, never looked up on the network, the disk
 * or the class path. Thread-safe.
 */
public final class SchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PROBLEMS_SHOWN = 5;
    /**
     * Remote fetching off, and every IRI but the meta-schemas' refused before any loader sees it: the
     * validator would otherwise read {@code file:} and {@code classpath:} references.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
                    .block(iri -> !isMetaSchema(iri.toString()))));

    /** Draft 2020-12's meta-schema: a client's schema is checked against it before use. */
    private static final Schema META_SCHEMA = REGISTRY.getSchema(
            SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private final Schema schema;

    private SchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /**
     * Compiles {@code schema}; {@code what} names it in a message ("the parameters of tool 'x'"),
     * {@code subject} says which part of the request it belongs to.
     *
     * @throws EmulationException (bad request) when it is not a schema the validator can use
     */
    public static SchemaCheck compile(JsonNode schema, String what, EmulationException.Subject subject) {
        if (schema == null || !(schema.isObject() || schema.isBoolean())) {
            throw EmulationException.badRequest(subject,
                    capitalised(what) + " must be a JSON Schema (an object).");
        }
        try {
            String text = JSON.writeValueAsString(schema);
            List<Error> invalid = META_SCHEMA.validate(text, InputFormat.JSON);
            if (!invalid.isEmpty()) {
                throw EmulationException.badRequest(subject,
                    capitalised(what) + " is not a valid JSON Schema: "
                        + invalid.stream().limit(MAX_PROBLEMS_SHOWN).map(SchemaCheck::describe).toList());
            }
            Schema compiled = REGISTRY.getSchema(text, InputFormat.JSON);
            compiled.initializeValidators();
            return new SchemaCheck(compiled);
        } catch (SchemaException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException
                | JsonProcessingException e) {
            throw EmulationException.badRequest(subject,
                    capitalised(what) + " is not a JSON Schema the gateway can use: "
                    + firstLine(e.getMessage()));
        }
    }

    /** What is wrong with {@code value} against the schema, a sentence each; empty when it is valid. */
    public List<String> problems(JsonNode value) {
        List<Error> errors;
        try {
            errors = schema.validate(JSON.writeValueAsString(value), InputFormat.JSON);
        } catch (JsonProcessingException | SchemaException e) {
            return List.of("it could not be checked: " + firstLine(e.getMessage()));
        }
        return errors.stream().limit(MAX_PROBLEMS_SHOWN).map(SchemaCheck::describe).toList();
    }

    private static String describe(Error error) {
        String message = error.getMessage();
        String at = String.valueOf(error.getInstanceLocation());
        return message.startsWith(at) ? message : at + ": " + message;
    }

    private static boolean isMetaSchema(String iri) {
        String lower = iri.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://json-schema.org/") || lower.startsWith("http://json-schema.org/");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
