package io.github.t3chat4j.adapter.openai.internal.emulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void acceptsAMatchingValue_andSaysWhatIsWrongWithOneThatIsNot() throws Exception {
        SchemaCheck check = SchemaCheck.compile(json("""
                {"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer","minimum":1}},
                 "required":["city"],"additionalProperties":false}"""), "the schema", EmulationException.Subject.FORMAT);

        assertThat(check.problems(json("{\"city\":\"Paris\",\"days\":3}"))).isEmpty();
        assertThat(check.problems(json("{\"days\":0,\"extra\":true}")))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("city"))
                .anySatisfy(p -> assertThat(p).contains("extra"))
                .anySatisfy(p -> assertThat(p).contains("days"));
    }

    @Test
    void refusesASchemaItCannotUse_asABadRequestNamingIt() {
        assertThatThrownBy(() -> SchemaCheck.compile(json("[1,2]"), "the parameters schema of tool 'x'", EmulationException.Subject.TOOLS))
                .isInstanceOfSatisfying(EmulationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EmulationException.Kind.BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith("The parameters schema of tool 'x'");
                });
    }

    @Test
    void neverFetchesARemoteReference() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/schema.json";
            JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"" + url + "\"}}}");

            assertThatThrownBy(() -> SchemaCheck.compile(schema, "the schema", EmulationException.Subject.FORMAT).problems(json("{\"a\":1}")))
                    .isInstanceOf(EmulationException.class);
            assertThat(fetched.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void neverReadsAFileReference(@TempDir Path folder) throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.json"), "{\"type\":\"string\",\"title\":\"SECRET-42\"}");
        JsonNode schema = json("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"" + secret.toUri() + "\"}}}");

        assertThatThrownBy(() -> SchemaCheck.compile(schema, "the schema", EmulationException.Subject.FORMAT).problems(json("{\"a\":1}")))
                .isInstanceOf(EmulationException.class)
                .hasMessageNotContaining("SECRET-42");
    }

    @Test
    void followsReferencesInsideTheSchema() throws Exception {
        SchemaCheck check = SchemaCheck.compile(json("""
                {"type":"object","properties":{"a":{"$ref":"#/$defs/n"}},"$defs":{"n":{"type":"number"}}}"""), "s", EmulationException.Subject.FORMAT);

        assertThat(check.problems(json("{\"a\":1}"))).isEmpty();
        assertThat(check.problems(json("{\"a\":\"x\"}"))).hasSize(1);
    }
}
