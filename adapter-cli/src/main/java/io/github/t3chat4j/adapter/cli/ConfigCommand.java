package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code t3 config}: prints each effective setting and where it comes from, secrets masked. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = {"Show the effective settings and where each comes from (secrets masked).",
            "Precedence, highest first: flags, environment, ./.env, the config file."},
        footer = {"", "Example:", "  t3 config"})
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    private final CliContext context;

    ConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigResolver config = root.config();
        Settings settings = root.settings(Map.of());
        context.out().println("config file: " + config.stored().location());
        context.out().println(".env file:   " + config.dotEnvFile());
        context.out().println("history:     " + root.backend().historyFile());
        for (String key : Settings.KEYS) {
            context.out().println(settings.value(key)
                    .map(v -> key + " = " + TerminalSafe.text(v.display()) + " [" + v.source().label() + "]")
                    .orElse(key + " = (not set)"));
        }
        context.out().flush();
        return ExitCode.OK;
    }
}
