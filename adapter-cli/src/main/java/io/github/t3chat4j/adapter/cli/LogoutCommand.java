package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.StoredSettingsResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code t3 logout}: removes the stored credentials from the config file. */
@Command(name = "logout",
        mixinStandardHelpOptions = true,
        description = "Remove the stored t3.chat credentials from the config file.",
        footer = {"", "Example:", "  t3 logout",
            "", "Credentials set in the environment or a .env file are not touched."})
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    private final CliContext context;

    LogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigResolver config = root.config();
        StoredSettingsResult stored = config.stored();
        if (!stored.values().containsKey(Settings.COOKIES) && !stored.values().containsKey(Settings.CONVEX_SESSION_ID)) {
            context.out().println("No credentials are stored in " + stored.location() + ".");
        } else {
            String location = config.update(Map.of(Settings.COOKIES, Optional.empty(),
                    Settings.CONVEX_SESSION_ID, Optional.empty(), Settings.LOGIN_ORIGIN, Optional.empty()));
            context.out().println("Removed the credentials from " + location + ".");
        }
        context.out().flush();
        return ExitCode.OK;
    }
}
