package io.github.t3chat4j.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code t3 mcp}: t3.chat's models as tools for an MCP host. Over standard input and output by default
 * (what a host launches: nothing but protocol messages on standard output, notes on standard error), or
 * the streamable HTTP transport with {@code --http}, behind the same key, names and limits as
 * {@code t3 serve}.
 */
@Command(name = "mcp",
        mixinStandardHelpOptions = true,
        description = {"Serve t3.chat's models as tools for an MCP host.",
            "For Claude Desktop, Claude Code, Cursor, VS Code and others: the tools",
            "ask, generate_image, list_models, credits and conversations; the stored",
            "conversations as resources t3://conversations/{id}; the prompts",
            "second_opinion and compare_models. By default it speaks MCP on standard",
            "input and output, for the host to start it. With --http it listens on",
            "loopback (streamable HTTP at /mcp), and every request needs",
            "'Authorization: Bearer <key>' with the key of t3 serve."},
        footer = {"", "Examples:",
            "  t3 mcp                      what a host runs (standard input and output)",
            "  t3 mcp --demo               the same, with the bundled fake t3.chat",
            "  t3 mcp --image-folder ~/Pictures/t3       also save the images there",
            "  t3 mcp --http               http://127.0.0.1:8788/mcp, the key of t3 serve",
            "  t3 mcp --http --port 9000 --api-key-file ~/.config/t3chat4j/gateway.key",
            "  claude mcp add t3 -- /path/to/adapter-cli/target/t3 mcp",
            "  npx @modelcontextprotocol/inspector --cli /path/to/adapter-cli/target/t3 \\",
            "      mcp --demo --method tools/list"})
final class McpCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    /** Read by {@link T3Command#settings} with those given before this command's name. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--http", description = "Serve the streamable HTTP transport on --host and --port instead of"
            + " standard input and output.")
    boolean http;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8788",
            description = "With --http: the port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(names = "--image-folder", paramLabel = "DIR",
            description = "Save every image generate_image makes in DIR, and tell the host where.")
    Path imageFolder;

    private final CliContext context;

    McpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings resolved = root.settings(Map.of());
        TrustBoundary boundary = root.boundary(resolved);
        ConnectionSettings connection = boundary.connection(resolved.model(), resolved.chatSettings());
        McpSettings settings = new McpSettings(VersionProvider.version(), Optional.ofNullable(imageFolder));
        PrintWriter err = context.err();
        if (!http) {
            err.println("t3 mcp: an MCP server on standard input and output, for an MCP host to start"
                    + (root.profile() == Profile.DEMO ? ", in front of the bundled fake t3.chat (demo)" : "")
                    + ". Notes go to standard error; end of input (Ctrl-D) stops it.");
            err.flush();
            root.services().serveMcp(connection, settings, context.in(), new WriterOutputStream(context.out()));
            return ExitCode.OK;
        }
        TrustBoundary.GatewayKey gatewayKey = boundary.gatewayKey(listen.apiKey, listen.apiKeyFile);
        GatewayOptions options = listen.gatewayOptions(port, gatewayKey.key(), Map.of());
        RunningGateway server = root.services().serveMcpHttp(connection, settings, options, err);
        try (RunHost.Registration ctrlC = context.host().onInterrupt(server::close)) {
            PrintWriter out = context.out();
            out.println("t3 mcp: an MCP server (streamable HTTP) for " + (root.profile() == Profile.DEMO
                    ? "the bundled fake t3.chat (demo)" : "your t3.chat subscription"));
            out.println("  URL:      " + server.baseUrl());
            out.println("  API key:  " + gatewayKey.key() + "   (" + gatewayKey.source() + ")");
            out.println("  Hosts send it as the header 'Authorization: Bearer <key>'.");
            out.println("Requests are logged to standard error. Ctrl-C stops the server; calls in flight get "
                    + options.graceSeconds() + " s to finish.");
            out.flush();
            if (!listen.loopback()) {
                err.println("t3: listening on " + listen.host + ": anyone who can reach this machine and has the key"
                        + " can use your t3.chat subscription, over plain HTTP (put a TLS proxy in front for remote use).");
                err.flush();
            }
            server.awaitStopped();
        } finally {
            server.close();
        }
        return ExitCode.OK;
    }
}
