package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import java.net.URI;
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
        subcommands = {AskCommand.class},
        description = {"Use t3.chat from the terminal with your browser's session.", ""},
        footer = {"", "Examples:",
            "  t3 --demo ask \"hello\"            try it offline against the bundled fake server",
            "  COOKIES='…' CONVEX_SESSION_ID='…' t3 ask \"Explain monads briefly\"",
            "",
            "Credentials: COOKIES (the Cookie header your browser sends to t3.chat) and",
            "CONVEX_SESSION_ID (from the site's local storage); see the README.", "",
            ExitCode.HELP_TABLE})
public final class T3Command implements Callable<Integer> {

    static final String DEFAULT_BASE_URL = "https://t3.chat";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--demo", scope = ScopeType.INHERIT,
            description = "Talk to a fake t3.chat started on this machine (no account needed).")
    boolean demo;

    @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Where t3.chat is (env T3_BASE_URL, default " + DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean verbose;

    private final CliContext context;

    public T3Command(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.out());
        return ExitCode.OK;
    }

    CliContext context() {
        return context;
    }

    boolean verbose() {
        return verbose;
    }

    /**
     * The connection for a command: base URL from the option, else {@code T3_BASE_URL}, else t3.chat;
     * credentials from {@code COOKIES} and {@code CONVEX_SESSION_ID} unless in demo mode.
     *
     * @throws CliException with {@link ExitCode#AUTH} and directions when credentials are missing
     */
    ConnectionSettings connection(ModelId model, ChatSettings settings) {
        String url = baseUrl != null ? baseUrl : context.env("T3_BASE_URL").orElse(DEFAULT_BASE_URL);
        URI base;
        try {
            base = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new CliException("--base-url is not a URL: '" + url + "'.", ExitCode.USAGE);
        }
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
            throw new CliException("--base-url must start with http:// or https://, got '" + url + "'.", ExitCode.USAGE);
        }
        String userAgent = context.env("T3_USER_AGENT").orElse("");
        if (demo) {
            return new ConnectionSettings(base, true, "", "", userAgent, model, settings);
        }
        String cookies = context.env("COOKIES").orElseThrow(() -> new CliException(MISSING_CREDENTIALS, ExitCode.AUTH));
        return new ConnectionSettings(base, false, cookies, context.env("CONVEX_SESSION_ID").orElse(""), userAgent,
                model, settings);
    }

    static final String MISSING_CREDENTIALS = String.join(System.lineSeparator(),
            "no t3.chat credentials. t3 uses your browser's session (a paid account):",
            "  1. Open https://t3.chat signed in, then the developer tools (F12).",
            "  2. Network tab: click any request to t3.chat, copy the whole 'cookie' request header,",
            "     and export COOKIES='<that value>'.",
            "  3. Application (Storage) tab > Local Storage > https://t3.chat: copy 'convex-session-id'",
            "     and export CONVEX_SESSION_ID='<that value>' (optional if the cookie string has it).",
            "  To try t3 without an account: t3 --demo ask \"hello\"");
}
