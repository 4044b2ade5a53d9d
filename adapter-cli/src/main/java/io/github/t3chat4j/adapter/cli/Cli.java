package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** Builds and runs the {@code t3} command line over a {@link CliContext}. */
public final class Cli {

    private Cli() {
    }

    /** Parses {@code args}, runs the command, reports failures, and returns the exit code. */
    public static int run(CliContext context, String... args) {
        requireNonNull(context, "context == null");
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The version needs none of the command models picocli would build by reflection first.
            for (String line : new VersionProvider().getVersion()) {
                context.out().println(line);
            }
            context.out().flush();
            return ExitCode.OK;
        }
        T3Command root = new T3Command(context);
        CommandLine commandLine = commandLine(context, root, T3Command.subcommandsFor(args));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        // Decided from the run's streams and environment, never from the JVM's own (picocli's default).
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                context.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        commandLine.setParameterExceptionHandler((mistake, arguments) -> usageError(mistake, context));
        ErrorReporter reporter = new ErrorReporter(context.err(), () -> root.verbose);
        commandLine.setExecutionExceptionHandler(reporter);
        boolean[] handedBack = {false};
        commandLine.setExecutionStrategy(parsed -> {
            refuseOptionsTheCommandDoesNotTake(parsed);
            if (!context.host().ownsProcess() && needsOwnProcess(parsed, context)) {
                // Decided once the arguments are parsed and before anything runs (picocli would report an
                // exception thrown here as a failure of its own, so the strategy only notes it).
                handedBack[0] = true;
                return ExitCode.INTERNAL;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            int code = commandLine.execute(args);
            if (handedBack[0]) {
                throw new NeedsOwnProcessException();
            }
            return code;
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /**
     * Thrown by {@link #run} for a command that needs the process to itself ({@link RunHost#ownsProcess()})
     * when the host cannot give it; nothing has been printed or read, so the caller can run it elsewhere.
     */
    public static final class NeedsOwnProcessException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsOwnProcessException() {
            super("This command needs a process of its own.", null, false, false);
        }
    }

    /**
     * Whether the parsed command needs the process to itself: the chat (named, or {@code t3} alone on a
     * terminal), the gateway, {@code t3 daemon}, and a login that asks on the terminal. Help is never one.
     */
    static boolean needsOwnProcess(CommandLine.ParseResult parsed, CliContext context) {
        List<String> names = new ArrayList<>();
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.isUsageHelpRequested() || level.isVersionHelpRequested()) {
                return false;
            }
            names.add(level.commandSpec().name());
        }
        if (names.size() == 1) {
            return context.stdinIsTerminal() && context.stdoutIsTerminal();
        }
        String command = names.get(1);
        if (command.equals("login")) {
            return context.stdinIsTerminal() && !parsed.subcommand().hasMatchedOption("--from-browser");
        }
        return command.equals("chat") || command.equals("serve") || command.equals("daemon");
    }

    /**
     * A command line picocli could not parse: what is wrong, then a suggestion or the command's usage, on
     * standard error, coloured only when standard error and output are terminals; exit 2.
     */
    private static int usageError(CommandLine.ParameterException mistake, CliContext context) {
        CommandLine command = mistake.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(mistake.getMessage());
        if (!suggestTheCommandItIsUnder(mistake, err)
                && !CommandLine.UnmatchedArgumentException.printSuggestions(mistake, err)) {
            command.usage(err, CommandLine.Help.defaultColorScheme(
                    context.errColour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * A command's name given without the command it belongs to ({@code t3 search maven}, {@code t3 trust}):
     * says which one it is under ("Did you mean: t3 conversations search?") rather than picocli's
     * suggestion of a look-alike name. False, printing nothing, for any other mistake.
     */
    private static boolean suggestTheCommandItIsUnder(CommandLine.ParameterException mistake, PrintWriter err) {
        if (!(mistake instanceof CommandLine.UnmatchedArgumentException unmatched)
                || unmatched.getUnmatched().isEmpty()) {
            return false;
        }
        String word = unmatched.getUnmatched().get(0);
        Set<String> under = new LinkedHashSet<>();
        for (CommandLine command : mistake.getCommandLine().getSubcommands().values()) {
            CommandLine nested = command.getSubcommands().get(word);
            if (nested != null) {
                under.add(nested.getCommandSpec().qualifiedName());
            }
        }
        if (under.isEmpty()) {
            return false;
        }
        err.println("Did you mean: " + String.join(" or ", under) + "?");
        return true;
    }

    /**
     * Every command of {@code t3}, each as the words that name it: {@code []} for {@code t3} itself,
     * {@code [conversations, list]}, and so on, from the same command line {@link #run} builds.
     */
    public static List<List<String>> commands(CliContext context) {
        requireNonNull(context, "context == null");
        List<List<String>> commands = new ArrayList<>();
        collect(commandLine(context, new T3Command(context), T3Command.SUBCOMMANDS.values()), List.of(), commands);
        return commands;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                collect(sub, List.copyOf(subPath), into);
            }
        });
    }

    static CommandLine commandLine(CliContext context, T3Command root, Collection<Class<?>> subcommands) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine commandLine = new CommandLine(root, factory);
        for (Class<?> subcommand : new LinkedHashSet<>(subcommands)) {
            commandLine.addSubcommand(create(factory, subcommand));
        }
        abbreviateLongSynopses(commandLine);
        dashedWordsAreQueryWords(commandLine);
        return commandLine;
    }

    /** A command with the connection options says {@code [OPTIONS]} in its usage line instead of listing them all. */
    private static void abbreviateLongSynopses(CommandLine command) {
        if (!T3Command.mixins(command.getCommandSpec(), ConnectionOptions.class).isEmpty()) {
            command.getCommandSpec().usageMessage().abbreviateSynopsis(true);
        }
        command.getSubcommands().values().forEach(Cli::abbreviateLongSynopses);
    }

    /**
     * Refuses an option given before a command's name that the command then run does not take, rather
     * than ignoring it: a connection option ({@link ConnectionOptions}) before a command that never
     * connects ({@code t3 --proxy URL conversations list}), or an option of a command before one of its
     * subcommands ({@code t3 config --json trust}). An option given there is taken when the command run
     * carries the same mixin (it then reads it, see {@link T3Command#settings}); options every command
     * inherits ({@code --demo}) always are.
     */
    static void refuseOptionsTheCommandDoesNotTake(CommandLine.ParseResult parsed) {
        List<CommandLine.ParseResult> levels = new ArrayList<>();
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.isUsageHelpRequested() || level.isVersionHelpRequested()) {
                return;
            }
            levels.add(level);
        }
        CommandLine.Model.CommandSpec command = levels.get(levels.size() - 1).commandSpec();
        for (CommandLine.ParseResult level : levels.subList(0, levels.size() - 1)) {
            for (CommandLine.Model.OptionSpec option : level.matchedOptions()) {
                if (option.inherited() || option.scopeType() == CommandLine.ScopeType.INHERIT) {
                    continue;
                }
                Class<?> shared = null;
                for (CommandLine.Model.CommandSpec mixin : level.commandSpec().mixins().values()) {
                    if (mixin.findOption(option.longestName()) != null) {
                        shared = mixin.userObject().getClass();
                    }
                }
                if (shared == null || T3Command.mixins(command, shared).isEmpty()) {
                    throw new CommandLine.ParameterException(command.commandLine(), option.longestName()
                            + (shared == ConnectionOptions.class
                                    ? " sets how t3 connects to t3.chat, and '" + command.qualifiedName()
                                            + "' never connects."
                                    : " is an option of '" + level.commandSpec().qualifiedName() + "', not of '"
                                            + command.qualifiedName() + "'."));
                }
            }
        }
    }

    /**
     * A search's {@code -word} leaves conversations out: it is part of the query, not an unknown option.
     * The search's own one-dash options ({@code -h}, {@code -n}) are options, as on every listing; no
     * option clusters ({@code -vim} is not {@code -v} with "im"), and an inherited option ({@code -v,
     * --verbose}) keeps its long name only there.
     */
    private static void dashedWordsAreQueryWords(CommandLine command) {
        if (command.getCommand() instanceof SearchCommand) {
            command.setUnmatchedOptionsArePositionalParams(true);
            command.setPosixClusteredShortOptionsAllowed(false);
            CommandLine.Model.CommandSpec spec = command.getCommandSpec();
            for (CommandLine.Model.OptionSpec option : List.copyOf(spec.options())) {
                if (!option.inherited()) {
                    continue;
                }
                String[] longNames = Arrays.stream(option.names()).filter(n -> n.startsWith("--")).toArray(String[]::new);
                if (longNames.length < option.names().length && longNames.length > 0) {
                    spec.remove(option);
                    spec.addOption(CommandLine.Model.OptionSpec.builder(option).names(longNames).build());
                }
            }
        }
        command.getSubcommands().values().forEach(Cli::dashedWordsAreQueryWords);
    }

    private static Object create(ContextFactory factory, Class<?> type) {
        try {
            return factory.create(type);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the command " + type.getSimpleName(), e);
        }
    }

    /** Creates commands that take the context in their constructor; everything else the default way. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] params = constructor.getParameterTypes();
                if (params.length == 1 && params[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return fallback.create(type);
        }
    }
}
