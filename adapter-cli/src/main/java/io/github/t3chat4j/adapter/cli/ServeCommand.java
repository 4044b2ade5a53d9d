package io.github.t3chat4j.adapter.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code t3 serve}: starts the OpenAI-compatible gateway, prints its base URL and key, writes one line
 * per request to standard error, and stops cleanly on Ctrl-C (replies in flight get the grace to finish).
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Serve OpenAI's and Anthropic's APIs for your t3.chat subscription.",
            "/v1/models, /v1/chat/completions, /v1/responses (tools and structured output",
            "emulated), /v1/images/generations and Anthropic's /v1/messages, so that",
            "OpenAI and Anthropic clients and agents such as Codex CLI and Claude Code can",
            "use it. Every request needs 'Authorization: Bearer <key>' (or 'x-api-key:",
            "<key>'); the key is made on first start and stored in the config file (or",
            "give one of " + TrustBoundary.MIN_GATEWAY_KEY_LENGTH + "+ characters with --api-key-file or"
                    + " T3_GATEWAY_KEY)."},
        footer = {"", "Examples:",
            "  t3 serve                  http://127.0.0.1:8787/v1",
            "  t3 --demo serve           offline, in front of the bundled fake t3.chat",
            "  t3 serve --port 9000 --cors-origin http://localhost:3000",
            "  t3 serve --host 0.0.0.0 --allow-host mybox.local   reachable on the LAN",
            "  t3 serve --api-key-file ~/.config/t3chat4j/gateway.key",
            "  t3 serve --anthropic-model 'claude-opus*=claude-4-opus'   Claude Code's opus",
            "  OPENAI_BASE_URL=http://127.0.0.1:8787/v1 OPENAI_API_KEY=<key> your-openai-tool",
            "  ANTHROPIC_BASE_URL=http://127.0.0.1:8787 ANTHROPIC_API_KEY=<key> claude"})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    /** Read by {@link T3Command#settings} with those given before this command's name. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only). Any other"
                    + " address needs a key of 24+ characters.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8787",
            description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Read the key clients must send from FILE (its first line; at least "
                    + TrustBoundary.MIN_GATEWAY_KEY_LENGTH + " characters). Default: T3_GATEWAY_KEY in the"
                    + " environment, else the stored key, made on first start.")
    String apiKeyFile;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "The key on the command line, where every user of this machine can read it: prefer"
                    + " --api-key-file or T3_GATEWAY_KEY (a warning says so).")
    String apiKey;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Let web pages from ORIGIN call the gateway; repeatable, off by default. An origin"
                    + " is such as http://localhost:3000, or * for any.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Also answer requests addressed to NAME (e.g. mybox.local or 192.168.1.5, or * for any);"
                    + " repeatable. Only localhost, 127.0.0.1, [::1] and the --host address by default, which"
                    + " keeps web pages that rename themselves (DNS rebinding) out.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--anthropic-model", paramLabel = "FROM=TO",
            description = "Answer the Anthropic model id FROM (an id, a prefix ending in *, or * for all) with the"
                    + " t3.chat model TO; repeatable, and added to T3_ANTHROPIC_MODELS. Without a rule, a Claude id"
                    + " goes to the nearest Claude t3.chat has.")
    List<String> anthropicModels = new ArrayList<>();

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "10",
            description = "At Ctrl-C, how long replies in flight may finish (default ${DEFAULT-VALUE}).")
    int graceSeconds;

    private final CliContext context;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (graceSeconds < 0) {
            throw new CliException("--grace must be 0 or more seconds.", ExitCode.USAGE);
        }
        Settings resolved = root.settings(Map.of());
        TrustBoundary boundary = root.boundary(resolved);
        ConnectionSettings connection = boundary.connection(resolved.model(), resolved.chatSettings());
        TrustBoundary.GatewayKey gatewayKey = boundary.gatewayKey(apiKey, apiKeyFile);
        String key = gatewayKey.key();
        String keySource = gatewayKey.source();
        PrintWriter err = context.err();
        RunningGateway gateway = root.services().serve(connection,
                new GatewayOptions(host, port, key, corsOrigins, allowedHosts, graceSeconds,
                        modelRules(resolved.anthropicModels())), err);
        try (RunHost.Registration ctrlC = context.host().onInterrupt(gateway::close)) {
            banner(gateway, key, keySource);
            gateway.awaitStopped();
        } finally {
            gateway.close();
        }
        return ExitCode.OK;
    }

    /** The rules of T3_ANTHROPIC_MODELS, then of --anthropic-model (a later rule for the same FROM wins). */
    private Map<String, String> modelRules(List<String> configured) {
        Map<String, String> rules = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(configured);
        all.addAll(anthropicModels);
        for (String rule : all) {
            int equals = rule.indexOf('=');
            if (equals <= 0 || equals == rule.length() - 1) {
                throw new CliException("A model rule is FROM=TO, such as claude-opus*=claude-4-opus; got '"
                        + rule + "'.", ExitCode.USAGE);
            }
            rules.put(rule.substring(0, equals).strip(), rule.substring(equals + 1).strip());
        }
        return rules;
    }

    private void banner(RunningGateway gateway, String key, String keySource) {
        PrintWriter out = context.out();
        out.println("t3 serve: an OpenAI-compatible API for " + (root.profile() == Profile.DEMO
                ? "the bundled fake t3.chat (demo)" : "your t3.chat subscription"));
        out.println("  Base URL: " + gateway.baseUrl());
        out.println("  API key:  " + key + "   (" + keySource + ")");
        out.println("  Try:      curl -s " + gateway.baseUrl() + "/models -H \"Authorization: Bearer " + key + "\"");
        out.println("  Claude Code: ANTHROPIC_BASE_URL=" + gateway.baseUrl().toString().replaceFirst("/v1$", "")
                + " ANTHROPIC_API_KEY=" + key + " claude");
        out.println("Requests are logged to standard error. Ctrl-C stops the gateway; replies in flight get "
                + graceSeconds + " s to finish.");
        out.flush();
        if (!isLoopback(host)) {
            context.err().println("t3: listening on " + host + ": anyone who can reach this machine and has the key"
                    + " can use your t3.chat subscription, over plain HTTP (put a TLS proxy in front for remote use).");
            context.err().flush();
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
