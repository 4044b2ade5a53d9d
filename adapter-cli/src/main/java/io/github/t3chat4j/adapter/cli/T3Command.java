package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.StoredSettingsResult;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code t3}: the root command; its options apply to every subcommand. */
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
            "",
            "Credentials: COOKIES (the Cookie header your browser sends to t3.chat) and",
            "CONVEX_SESSION_ID (from the site's local storage), or T3_COOKIES_FROM_BROWSER=BROWSER[:PROFILE]",
            "to read them from the browser at every run; see the README.",
            "Settings, highest first: flags, environment, ./.env, ~/.config/t3chat4j/config.properties",
            "(t3 config shows where each one comes from). A folder's .env gives its own credentials and",
            "preferences; an address, proxy, program, browser or gateway key only with its own credentials,",
            "or once you trust the folder (t3 config trust).", "",
            ExitCode.HELP_TABLE})
public final class T3Command implements Callable<Integer> {

    /**
     * The subcommands, in the order help lists them, by name and alias. {@link Cli} adds only the one a
     * run names (picocli builds each command's model by reflection, which a short run should not pay for
     * nine times), and all of them when the run names none.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(AskCommand.class, ChatCommand.class,
            LoginCommand.class, LogoutCommand.class, ConfigCommand.class, ConversationsCommand.class,
            CreditsCommand.class, ModelsCommand.class, ImageCommand.class, ServeCommand.class, DoctorCommand.class);

    /** The root options that take a value, so that the value is not taken for a subcommand's name. */
    private static final Set<String> OPTIONS_WITH_VALUES = Set.of("--base-url", "--transport", "--curl", "--browser",
            "--proxy", "--connect-timeout", "--first-byte-timeout", "--idle-timeout", "--timeout", "--max-reply-size");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--demo", scope = ScopeType.INHERIT,
            description = "Talk to a fake t3.chat started on this machine (no account needed).")
    boolean demo;

    @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Where t3.chat is (env T3_BASE_URL, default " + TrustBoundary.DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(names = "--transport", paramLabel = "java|curl|browser", scope = ScopeType.INHERIT,
            description = "What sends the requests, and only that: java (the JVM's client, HTTP/2 where offered),"
                    + " curl, or browser (a headless Chrome or Chromium of yours, which passes t3.chat's bot"
                    + " checkpoint) (env T3_TRANSPORT). Without it, t3 starts with java and falls back past the"
                    + " checkpoint to curl-impersonate, then the browser, remembering what got through.")
    String transport;

    @Option(names = "--browser", paramLabel = "NAME|PATH", scope = ScopeType.INHERIT,
            description = "The browser of the browser transport: chrome, chromium, edge, brave or its program"
                    + " (env T3_BROWSER, default the first installed).")
    String browser;

    @Option(names = "--curl", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "The curl to run with --transport curl, such as a curl-impersonate wrapper"
                    + " (env T3_CURL, default curl on the PATH).")
    String curl;

    @Option(names = "--proxy", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Send every request through this proxy, http://[user:password@]host:port"
                    + " (env T3_PROXY; else HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY).")
    String proxy;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "Give up connecting after this long, such as 10s (T3_CONNECT_TIMEOUT, default 10s).")
    String connectTimeout;

    @Option(names = "--first-byte-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "Give up when the answer has not begun after this long (T3_FIRST_BYTE_TIMEOUT, default 60s).")
    String firstByteTimeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "End a reply that sends nothing new for this long; keep-alives do not count"
                    + " (T3_IDLE_TIMEOUT, default 60s).")
    String idleTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "End a reply that takes longer than this in all (T3_TIMEOUT, default 15m).")
    String timeout;

    @Option(names = "--max-reply-size", paramLabel = "SIZE", scope = ScopeType.INHERIT,
            description = "End a reply larger than this, keeping what came (T3_MAX_REPLY_SIZE, default 64MiB).")
    String maxReplySize;

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

    /** The effective settings: {@code commandFlags} and this command's --base-url over env, .env and config file. */
    Settings settings(Map<String, String> commandFlags) {
        Map<String, String> flags = new HashMap<>(commandFlags);
        if (baseUrl != null) {
            flags.put(Settings.BASE_URL, baseUrl);
        }
        if (transport != null) {
            flags.put(Settings.TRANSPORT, transport);
        }
        if (curl != null) {
            flags.put(Settings.CURL, curl);
        }
        if (browser != null) {
            flags.put(Settings.BROWSER, browser);
        }
        if (proxy != null) {
            flags.put(Settings.PROXY, proxy);
        }
        flags.put(Settings.CONNECT_TIMEOUT, connectTimeout);
        flags.put(Settings.FIRST_BYTE_TIMEOUT, firstByteTimeout);
        flags.put(Settings.IDLE_TIMEOUT, idleTimeout);
        flags.put(Settings.TIMEOUT, timeout);
        flags.put(Settings.MAX_REPLY_SIZE, maxReplySize);
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

    /** A client for the configured credentials, model and settings; what {@code credits} and {@code models} need. */
    T3Client connect() {
        Settings resolved = settings(Map.of());
        return services().connect(boundary(resolved).connection(resolved.model(), resolved.chatSettings()));
    }
}
