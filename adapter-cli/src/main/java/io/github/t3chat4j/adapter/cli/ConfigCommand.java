package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code t3 config}: prints each effective setting and where it comes from, secrets masked, and what the
 * trust boundary makes of a {@code .env}; {@code t3 config trust} and {@code untrust} say which folders'
 * {@code .env} files the user trusts like the environment.
 */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        subcommands = {ConfigCommand.Trust.class, ConfigCommand.Untrust.class},
        description = {"Show the effective settings and where each comes from (secrets masked).",
            "Precedence, highest first: flags, environment, ./.env, the config file.",
            "A .env came with its folder: its own credentials and preferences apply, but its",
            "address, proxy and gateway key only with its own credentials, and a transport,",
            "curl or browser it names never, unless you trust the folder (t3 config trust)."},
        footer = {"", "Examples:", "  t3 config", "  t3 config --json | jq -r '.settings[] | select(.value) | .key'",
            "  t3 config trust          trust the .env of this folder",
            "  t3 config untrust ~/src/project"})
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    @Option(names = "--json", description = "Print one JSON object for scripts: configFile, dotEnvFile (null when"
            + " there is none), dotEnvTrusted, history, settings (key, value with secrets masked, source, note; null"
            + " where not set).")
    boolean json;

    private final CliContext context;

    ConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigResolver config = root.config();
        Settings settings = root.settings(Map.of());
        TrustBoundary boundary = root.boundary(settings);
        Map<String, Settings.Value> set = new HashMap<>();
        settings.forDisplay().forEach(value -> set.put(value.key(), value));
        boolean dotEnv = Files.isRegularFile(config.dotEnvFile());
        PrintWriter out = context.out();
        if (json) {
            List<Map<String, Object>> values = new ArrayList<>();
            for (String key : Settings.KEYS) {
                Settings.Value value = set.get(key);
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("key", key);
                fields.put("value", value == null ? null : value.display());
                fields.put("source", value == null ? null : boundary.label(value));
                fields.put("note", value == null ? null : boundary.refusalOf(value).orElse(null));
                values.add(fields);
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("configFile", config.stored().location());
            document.put("dotEnvFile", dotEnv ? config.dotEnvFile().toString() : null);
            document.put("dotEnvTrusted", dotEnv && boundary.folderTrusted());
            document.put("history", root.services().historyFile().toString());
            document.put("settings", values);
            out.println(JsonOutput.write(document));
            out.flush();
            return ExitCode.OK;
        }
        out.println("config file: " + config.stored().location());
        out.println(".env file:   " + config.dotEnvFile() + (dotEnv
                ? boundary.folderTrusted() ? " (a folder you trust)" : " (this folder is not trusted: t3 config trust)"
                : " (none)"));
        out.println("history:     " + root.services().historyFile());
        for (String key : Settings.KEYS) {
            Settings.Value value = set.get(key);
            out.println(value == null ? key + " = (not set)"
                    : key + " = " + TerminalSafe.text(value.display()) + " [" + boundary.label(value) + "]"
                            + boundary.refusalOf(value).map(why -> " (" + TerminalSafe.text(why) + ")").orElse(""));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** {@code t3 config trust} and {@code untrust}: the folder they name, and which of the two they are. */
    abstract static class FolderTrust implements Callable<Integer> {

        @ParentCommand
        ConfigCommand parent;

        @Parameters(arity = "0..1", paramLabel = "FOLDER", description = "The folder (default: this one).")
        String folder;

        abstract boolean trust();

        @Override
        public Integer call() {
            return parent.changeTrust(folder, trust());
        }
    }

    /** {@code t3 config trust [FOLDER]}. */
    @Command(name = "trust", mixinStandardHelpOptions = true,
            description = {"Trust the .env of FOLDER (default: this folder) like your environment.",
                "Its address, proxy, transport, curl, browser and gateway key then apply to any",
                "credentials (a login stored by t3 login still goes only to its own server).",
                "Stored in the config file, never in the folder; trust only folders whose .env",
                "you control, since a later change to it is trusted too."},
            footer = {"", "Example:", "  cd ~/src/my-project && t3 config trust"})
    static final class Trust extends FolderTrust {
        @Override
        boolean trust() {
            return true;
        }
    }

    /** {@code t3 config untrust [FOLDER]}. */
    @Command(name = "untrust", mixinStandardHelpOptions = true,
            description = "Stop trusting the .env of FOLDER (default: this folder).",
            footer = {"", "Example:", "  t3 config untrust ~/src/my-project"})
    static final class Untrust extends FolderTrust {
        @Override
        boolean trust() {
            return false;
        }
    }

    private int changeTrust(String name, boolean trust) {
        ConfigResolver config = root.config();
        Settings settings = root.settings(Map.of());
        Path folder = TrustBoundary.realPath(name == null ? settings.folder() : settings.folder().resolve(name));
        if (trust && !Files.isDirectory(folder)) {
            throw new CliException("cannot trust " + folder + ": it is not a folder.", ExitCode.USAGE);
        }
        String stored = config.stored().values().getOrDefault(Settings.TRUSTED_FOLDERS, "");
        Set<Path> before = TrustBoundary.trustedFolders(stored);
        String updated = TrustBoundary.withFolder(stored, folder, trust);
        String location = config.update(Map.of(Settings.TRUSTED_FOLDERS,
                Optional.of(updated).filter(s -> !s.isEmpty())));
        PrintWriter out = context.out();
        if (trust) {
            out.println((before.contains(folder) ? "Already trusted: " : "Trusted ") + folder + " (in " + location
                    + "). Its .env now counts as your word, like the environment. Undo: t3 config untrust " + folder);
        } else {
            out.println((before.contains(folder) ? "No longer trusted: " : "Was not trusted: ") + folder
                    + ". Its .env may again give only its own credentials and preferences.");
        }
        out.flush();
        return ExitCode.OK;
    }
}
