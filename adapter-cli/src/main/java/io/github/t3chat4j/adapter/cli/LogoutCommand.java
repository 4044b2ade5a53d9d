package io.github.t3chat4j.adapter.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code t3 logout}: removes the stored credentials from the config file. */
@Command(name = "logout",
        mixinStandardHelpOptions = true,
        description = "Remove the stored t3.chat credentials from the config file.",
        footer = {"", "Example:", "  t3 logout",
            "", "Credentials set in the environment or a .env file are not touched."})
final class LogoutCommand implements Callable<Integer> {

    private final CliContext context;

    LogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigResolver resolver = new ConfigResolver(context);
        Map<String, String> stored = resolver.readConfigFile();
        if (!stored.containsKey(Settings.COOKIES) && !stored.containsKey(Settings.CONVEX_SESSION_ID)) {
            context.out().println("No credentials are stored in " + resolver.configFile() + ".");
        } else {
            Map<String, String> removals = new HashMap<>();
            removals.put(Settings.COOKIES, null);
            removals.put(Settings.CONVEX_SESSION_ID, null);
            resolver.updateConfigFile(removals);
            context.out().println("Removed the credentials from " + resolver.configFile() + ".");
        }
        context.out().flush();
        return ExitCode.OK;
    }
}
