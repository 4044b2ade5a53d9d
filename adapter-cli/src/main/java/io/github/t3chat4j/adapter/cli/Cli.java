package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        ContextFactory factory = new ContextFactory(context);
        CommandLine commandLine = new CommandLine(root, factory);
        for (Class<?> subcommand : T3Command.subcommandsFor(args)) {
            commandLine.addSubcommand(create(factory, subcommand));
        }
        dashedWordsAreQueryWords(commandLine);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        // Decided from the run's streams and environment, never from the JVM's own (picocli's default).
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                context.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        ErrorReporter reporter = new ErrorReporter(context.err(), () -> root.verbose);
        commandLine.setExecutionExceptionHandler(reporter);
        boolean[] handedBack = {false};
        if (!context.host().ownsProcess()) {
            // Decided once the arguments are parsed and before anything runs (picocli would report an
            // exception thrown here as a failure of its own, so the strategy only notes it).
            commandLine.setExecutionStrategy(parsed -> {
                if (needsOwnProcess(parsed, context)) {
                    handedBack[0] = true;
                    return ExitCode.INTERNAL;
                }
                return new CommandLine.RunLast().execute(parsed);
            });
        }
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
     * A search's {@code -word} leaves conversations out: it is part of the query, not an unknown option,
     * and no option of the search has a one-dash name ({@code -vim} is not {@code -v} with "im"), so the
     * inherited {@code -v, --verbose} keeps its long name only there.
     */
    private static void dashedWordsAreQueryWords(CommandLine command) {
        if (command.getCommand() instanceof SearchCommand) {
            command.setUnmatchedOptionsArePositionalParams(true);
            command.setPosixClusteredShortOptionsAllowed(false);
            CommandLine.Model.CommandSpec spec = command.getCommandSpec();
            for (CommandLine.Model.OptionSpec option : List.copyOf(spec.options())) {
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
