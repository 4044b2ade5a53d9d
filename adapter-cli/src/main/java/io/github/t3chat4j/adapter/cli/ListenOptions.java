package io.github.t3chat4j.adapter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of a command that listens for HTTP clients ({@code t3 serve}, {@code t3 mcp --http}): where,
 * the key clients must send, the web origins and names it answers, and the grace at Ctrl-C. Flags only: no
 * setting, config file or {@code .env} widens who is answered.
 */
final class ListenOptions {

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only). Any other"
                    + " address needs a key of 24+ characters.")
    String host;

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
            description = "Let web pages from ORIGIN call the server; repeatable, off by default. An origin"
                    + " is such as http://localhost:3000, or * for any.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Also answer requests addressed to NAME (e.g. mybox.local or 192.168.1.5, or * for any);"
                    + " repeatable. Only localhost, 127.0.0.1, [::1] and the --host address by default, which"
                    + " keeps web pages that rename themselves (DNS rebinding) out.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "10",
            description = "At Ctrl-C, how long replies in flight may finish (default ${DEFAULT-VALUE}).")
    int graceSeconds;

    /** What the services are asked to listen with, on {@code port}, with {@code key}. */
    GatewayOptions gatewayOptions(int port, String key, Map<String, String> anthropicModels) {
        if (graceSeconds < 0) {
            throw new CliException("--grace must be 0 or more seconds.", ExitCode.USAGE);
        }
        return new GatewayOptions(host, port, key, corsOrigins, allowedHosts, graceSeconds, anthropicModels);
    }

    boolean loopback() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
