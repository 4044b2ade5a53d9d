package io.github.t3chat4j.adapter.mcp;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.listener.ListenRules;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.chat.ModelId;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An MCP server that offers a t3.chat subscription's models as tools ({@code ask}, {@code generate_image},
 * {@code list_models}, {@code credits}, {@code conversations}), the stored conversations as resources
 * ({@code t3://conversations/{id}}, Markdown) and two prompts, over standard input and output
 * ({@link #serveStdio}) or streamable HTTP on loopback ({@link #startHttp}). Built on the official MCP
 * Java SDK; the client stays the caller's, who closes it after the server.
 *
 * <pre>{@code
 * T3McpServer server = T3McpServer.over(client, McpOptions.defaults("0.1.0"));
 * server.serveStdio(System.in, System.out);      // returns when the host closes standard input
 * }</pre>
 */
public final class T3McpServer {

    static final String NAME = "t3";
    /** How many model ids an unknown model's error offers. */
    private static final int NEAREST_MODELS = 3;
    static final String INSTRUCTIONS = "Tools of the user's t3.chat subscription: ask any of its models"
            + " (Claude, GPT, Gemini, Grok, DeepSeek, Kimi, …) for an answer or a second opinion and continue the"
            + " conversation with conversation_id, generate images, list the models with their abilities, read"
            + " the credit balance, and read stored conversations. Calls to ask and generate_image spend the"
            + " user's credits.";

    private final T3Calls t3;
    private final McpOptions options;
    private final Secrets secrets;
    private final ToolErrors errors;
    private final McpJsonMapper json;
    private final JsonMapper jsonMapper;

    private T3McpServer(T3Calls t3, McpOptions options, Clock clock) {
        this.t3 = t3;
        this.options = options;
        this.secrets = new Secrets(options.secrets());
        this.errors = new ToolErrors(secrets, typed -> t3.models().nearest(typed, NEAREST_MODELS).stream()
                .map(ModelId::value).toList(), clock);
        this.jsonMapper = JsonMapper.builder().build();
        this.json = new JacksonMcpJsonMapper(jsonMapper);
    }

    /** A server over {@code client}: its chat and account, and its stored conversations ({@code client.local()}). */
    public static T3McpServer over(T3Client client, McpOptions options) {
        requireNonNull(options, "options == null");
        return new T3McpServer(new T3Calls(requireNonNull(client, "client == null"), Clock.systemUTC()), options,
                Clock.systemUTC());
    }

    /**
     * Serves one host over {@code in} and {@code out} (newline-delimited JSON-RPC, as hosts launch a
     * server) until the host closes {@code in}; a tool call still running then is cancelled. Nothing but
     * protocol messages is written to {@code out}.
     */
    public void serveStdio(InputStream in, OutputStream out) throws InterruptedException {
        requireNonNull(in, "in == null");
        requireNonNull(out, "out == null");
        InFlightCalls inFlight = new InFlightCalls();
        CountDownLatch ended = new CountDownLatch(1);
        CancellableTransport transport = new CancellableTransport(new StdioServerTransportProvider(json, in, out),
                inFlight, ended::countDown);
        McpSyncServer server = build(McpServer.sync(transport), inFlight);
        try {
            ended.await();
        } finally {
            inFlight.cancelAll();
            server.close();
        }
    }

    /**
     * Starts the streamable HTTP transport at {@code http://<rules.host()>:<port>/mcp}: only requests with
     * {@code Authorization: Bearer <key>}, addressed to the names {@code rules} allow, from no web page or
     * one it allows; {@code log} hears one line per request. Closing the returned server gives calls in
     * flight {@code grace} to finish.
     *
     * @throws io.github.t3chat4j.application.error.InvalidInputException when the address cannot be listened
     *     on, or a key shorter than 24 characters would be used beyond loopback
     */
    public McpHttpServer startHttp(ListenRules rules, int port, String key, Duration grace, Consumer<String> log) {
        requireNonNull(rules, "rules == null");
        requireNonNull(key, "key == null");
        requireNonNull(grace, "grace == null");
        requireNonNull(log, "log == null");
        return McpHttpServer.start(this, rules, port, key, grace, log);
    }

    /** The SDK server of one transport, with every tool, resource and prompt. */
    <S extends McpServer.SyncSpecification<S>> McpSyncServer build(McpServer.SyncSpecification<S> spec,
            InFlightCalls inFlight) {
        Tools tools = new Tools(t3, errors, secrets, inFlight, options.imageFolder());
        Resources resources = new Resources(t3, errors, secrets);
        return spec.serverInfo(NAME, options.version())
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(jsonMapper))
                .validateToolInputs(true)
                .capabilities(ServerCapabilities.builder().tools(false).resources(false, false).prompts(false).build())
                .tools(tools.specifications())
                .resources(resources.resources())
                .resourceTemplates(resources.templates())
                .prompts(new Prompts().specifications())
                .build();
    }

    McpJsonMapper json() {
        return json;
    }

    /**
     * What a server is told by its caller: the version it reports, the folder generated images are saved
     * in (none by default), and the secrets it must never repeat (cookie values, the convex session id,
     * the HTTP key). {@link #toString()} shows no secret.
     */
    public record McpOptions(String version, Optional<Path> imageFolder, List<String> secrets) {

        public McpOptions {
            requireNonNull(version, "version == null");
            requireNonNull(imageFolder, "imageFolder == null");
            secrets = List.copyOf(requireNonNull(secrets, "secrets == null"));
        }

        /** Version {@code version}, no image folder, no secrets named. */
        public static McpOptions defaults(String version) {
            return new McpOptions(version, Optional.empty(), List.of());
        }

        /** These options with generated images saved in {@code folder}. */
        public McpOptions withImageFolder(Path folder) {
            return new McpOptions(version, Optional.of(requireNonNull(folder, "folder == null")), secrets);
        }

        /** These options with {@code values} blanked out of everything sent to a host. */
        public McpOptions withSecrets(Collection<String> values) {
            return new McpOptions(version, imageFolder, List.copyOf(values));
        }

        @Override
        public String toString() {
            return "McpOptions[" + version + ", images=" + imageFolder.map(Path::toString).orElse("none") + ", "
                    + secrets.size() + " secrets redacted]";
        }
    }
}
