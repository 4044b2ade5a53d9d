package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.StoredSettingsResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code t3}: the root command. {@code --demo} and {@code --verbose} apply to every command; the
 * connection options ({@link ConnectionOptions}) to {@code t3} itself (the chat) and, given before a
 * command's name, to a command that connects.
 */
@Command(name = "t3",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Use t3.chat from the terminal with your browser's session.", ""},
        footer = {"", "Examples:",
            "  t3                      chat (when run in a terminal); t3 chat --help",
            "  t3 --demo ask \"hello\"   try it offline against the bundled fake server",
            "  t3 login --from-browser firefox   sign in with the session Firefox has",
            "  t3 login                store your browser session in the config file",
            "  COOKIES='…' CONVEX_SESSION_ID='…' t3 ask \"Explain monads briefly\"",
            "  t3 --transport curl ask \"hi\"   connection options, before or after the command",
            "",
            "Credentials: COOKIES (the Cookie header your browser sends to t3.chat) and",
            "CONVEX_SESSION_ID (from the site's local storage), or",
            "T3_COOKIES_FROM_BROWSER=BROWSER[:PROFILE] to read them from the browser at every",
            "run; see the README.",
            "Settings, highest first: flags, environment, ./.env, the config file",
            "~/.config/t3chat4j/config.properties (t3 config shows where each comes from).",
            "A folder's .env gives its own credentials and preferences; an address, proxy,",
            "program, browser or gateway key only with its own credentials, or once you trust",
            "the folder (t3 config trust).", "",
            ExitCode.HELP_TABLE})
public final class T3Command implements Callable<Integer> {

    /**
     * The subcommands, in the order help lists them, by name and alias. {@link Cli} adds only the one a
     * run names (picocli builds each command's model by reflection, which a short run should not pay for
     * nine times), and all of them when the run names none.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(AskCommand.class, ChatCommand.class,
            LoginCommand.class, LogoutCommand.class, ConfigCommand.class, ConversationsCommand.class,
            CreditsCommand.class, ModelsCommand.class, ImageCommand.class, ServeCommand.class, DoctorCommand.class,
            DaemonCommand.class);

    /** The root options that take a value, so that the value is not taken for a subcommand's name. */
    static final Set<String> OPTIONS_WITH_VALUES = Set.of("--base-url", "--transport", "--curl", "--browser",
            "--proxy", "--connect-timeout", "--first-byte-timeout", "--idle-timeout", "--timeout", "--max-reply-size");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--demo", scope = ScopeType.INHERIT,
            description = "Use the demo: a fake t3.chat started on this machine, and files of its own (no"
                    + " account needed).")
    boolean demo;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean verbose;

    private final CliContext context;
    private Services services;
    private boolean warned;

    public T3Command(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (context.stdinIsTerminal() && context.stdoutIsTerminal()) {
            ChatCommand chat = spec.commandLine().getSubcommands().get("chat").getCommand();
            chat.root = this;
            return chat.call();
        }
        spec.commandLine().usage(context.out());
        return ExitCode.OK;
    }

    /** The subcommands a run of {@code args} needs: the one named first, or all when none is named. */
    static Collection<Class<?>> subcommandsFor(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (OPTIONS_WITH_VALUES.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                Class<?> named = SUBCOMMANDS.get(arg);
                return named == null ? new LinkedHashSet<>(SUBCOMMANDS.values()) : List.of(named);
            }
        }
        return new LinkedHashSet<>(SUBCOMMANDS.values());
    }

    private static Map<String, Class<?>> subcommands(Class<?>... types) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : types) {
            Command command = type.getAnnotation(Command.class);
            byName.put(command.name(), type);
            for (String alias : command.aliases()) {
                byName.put(alias, type);
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    CliContext context() {
        return context;
    }

    boolean verbose() {
        return verbose;
    }

    /** The profile of this run: {@code --demo} or the real t3.chat. */
    Profile profile() {
        return demo ? Profile.DEMO : Profile.LIVE;
    }

    /** The services of this run's profile, made once. */
    Services services() {
        if (services == null) {
            services = context.services(profile());
        }
        return services;
    }

    /** Reads and writes the settings of this run. */
    ConfigResolver config() {
        return new ConfigResolver(context, services().local());
    }

    /**
     * The effective settings: {@code commandFlags} and this run's connection options over env, .env and
     * config file. The connection options are read from every command of the run that carries them (see
     * {@link ConnectionOptions}), those given after the command's name winning over those given before it.
     */
    Settings settings(Map<String, String> commandFlags) {
        Map<String, String> flags = new HashMap<>(commandFlags);
        for (ConnectionOptions options : connectionOptionsOfThisRun()) {
            flags.putAll(options.given());
        }
        ConfigResolver config = config();
        StoredSettingsResult stored = config.stored();
        Settings settings = config.resolve(flags, stored);
        if (!warned) {
            warned = true;
            stored.warnings().forEach(warning -> context.err().println("t3: warning: " + TerminalSafe.text(warning)));
            config.warnings().forEach(warning -> context.err().println("t3: warning: " + TerminalSafe.text(warning)));
            context.err().flush();
        }
        return settings;
    }

    /** The connection options of {@code t3} and of the commands this run names under it, outermost first. */
    private List<ConnectionOptions> connectionOptionsOfThisRun() {
        List<ConnectionOptions> found = new ArrayList<>();
        found.add(connection);
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (CommandLine.ParseResult level = parsed == null ? null : parsed.subcommand(); level != null;
                level = level.subcommand()) {
            found.addAll(mixins(level.commandSpec(), ConnectionOptions.class));
        }
        return found;
    }

    /** The mixins of type {@code type} that {@code command} carries. */
    static <T> List<T> mixins(CommandLine.Model.CommandSpec command, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (CommandLine.Model.CommandSpec mixin : command.mixins().values()) {
            if (type.isInstance(mixin.userObject())) {
                found.add(type.cast(mixin.userObject()));
            }
        }
        return found;
    }

    /**
     * The trust boundary over {@code resolved}: the only way to a connection ({@link ConnectionSettings})
     * and to the gateway's key.
     */
    TrustBoundary boundary(Settings resolved) {
        return new TrustBoundary(resolved, profile(), services().local(), warning -> {
            context.err().println("t3: warning: " + TerminalSafe.text(warning));
            context.err().flush();
        });
    }

    /** A client for the configured credentials, model and settings; what {@code credits} needs. */
    T3Client connect() {
        Settings resolved = settings(Map.of());
        return services().connect(boundary(resolved).connection(resolved.model(), resolved.chatSettings()));
    }
}
