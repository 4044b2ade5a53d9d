package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Constructor;
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
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        // Decided from the run's streams and environment, never from the JVM's own (picocli's default).
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                context.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        ErrorReporter reporter = new ErrorReporter(context.err(), () -> root.verbose);
        commandLine.setExecutionExceptionHandler(reporter);
        try {
            return commandLine.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
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
