package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.NotConfiguredException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.domain.browser.BrowserSession;
import io.github.t3chat4j.domain.session.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code t3 login}: reads the browser's cookie string (hidden) and an optional convex session id, or with
 * {@code --from-browser} reads both from a browser profile on this machine; checks them against t3.chat,
 * and stores them in the config file (owner-only, written atomically).
 */
@Command(name = "login",
        mixinStandardHelpOptions = true,
        description = {"Store your t3.chat browser session in the config file, after checking it.",
            "With --from-browser, t3 reads it from the browser's profile on this machine;",
            "otherwise paste the whole 'cookie' request header from the browser's developer",
            "tools (input is hidden). t3 and the browser then share one session: signing out",
            "in one may sign out the other."},
        footer = {"", "Examples:",
            "  t3 login --from-browser firefox             the default Firefox profile first",
            "  t3 login --from-browser firefox:work        the Firefox profile named 'work'",
            "  t3 login --from-browser chrome:'Profile 1'  a Chrome profile (or a folder)",
            "  t3 login",
            "  printf '%%s\\n%%s\\n' \"$COOKIES\" \"$CONVEX_SESSION_ID\" | t3 login",
            "",
            "Browsers: firefox, librewolf, waterfox (Linux, macOS, Windows); chromium,",
            "chrome, brave, edge (Linux and macOS: Windows encrypts their cookies so that",
            "only the browser can read them). To read the browser at every run instead of",
            "storing anything: T3_COOKIES_FROM_BROWSER=firefox."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    /** Read by {@link T3Command#settings} with those given before this command's name. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--no-check", description = "Store the credentials without asking t3.chat first.")
    boolean noCheck;

    @Option(names = "--from-browser", paramLabel = "BROWSER[:PROFILE]",
            description = "Read the session from this browser's profile instead of asking for it: "
                    + "firefox, librewolf, waterfox, chromium, chrome, brave or edge; PROFILE is a profile name or folder.")
    String fromBrowser;

    private final CliContext context;

    LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Settings resolved = root.settings(Map.of());
        TrustBoundary boundary = root.boundary(resolved);
        // Where the session would go is judged before it is asked for or read from a browser.
        String origin = boundary.loginOrigin();
        String[] answers = fromBrowser != null ? fromBrowser()
                : context.stdinIsTerminal() ? askOnTerminal() : readPiped();
        String cookies = answers[0].strip();
        String convexSessionId = answers[1].strip();
        if (cookies.isEmpty()) {
            throw new CliException("no cookie string given; nothing stored.", ExitCode.USAGE);
        }
        if (!cookies.contains("wos-session=")) {
            throw new CliException("the cookie string has no wos-session cookie, so t3.chat would not know you;"
                    + " copy the whole 'cookie' request header of a request to t3.chat (it contains"
                    + " wos-session=…). Nothing stored.", ExitCode.USAGE);
        }
        if (!noCheck) {
            Session session = check(boundary, cookies, convexSessionId);
            cookies = session.cookies().headerValue();
            convexSessionId = session.convexSessionId().value();
        }
        String location = root.config().update(Map.of(Settings.COOKIES, Optional.of(cookies),
                Settings.CONVEX_SESSION_ID, Optional.of(convexSessionId).filter(id -> !id.isEmpty()),
                Settings.LOGIN_ORIGIN, Optional.of(origin)));
        context.out().println((noCheck ? "Stored, without checking it against t3.chat (no session renewal,"
                + " no account read)," : "Signed in; stored") + " the session in " + location + " (readable only by you).");
        if (fromBrowser != null) {
            context.out().println("t3 and the browser now share this session: signing out of t3.chat in the browser"
                    + " signs t3 out too (then run this again).");
        }
        context.out().flush();
        return ExitCode.OK;
    }

    /**
     * Renews the session and reads the account with it, as the next command will: credentials the server
     * rejects are never stored. Returns the renewed session.
     */
    private Session check(TrustBoundary boundary, String cookies, String convexSessionId) {
        try (T3Client client = root.services().connect(boundary.login(cookies, convexSessionId))) {
            client.init();
            Session session = client.refreshSession();
            try {
                client.account().credits();
            } catch (NotConfiguredException noAccountAccess) {
                // This build reads no account data; the renewal above has checked the session.
            }
            return session;
        } catch (T3ChatException rejected) {
            throw new CliException("t3.chat did not accept these credentials (" + rejected.detail()
                    + "); nothing stored. Use --no-check to store them anyway when offline.",
                    ErrorReporter.exitCodeOf(rejected));
        }
    }

    private String[] fromBrowser() {
        BrowserSession session = BrowserSignIn.read(context::resolve, root.services().local(), fromBrowser);
        context.out().println(TerminalSafe.text(BrowserSignIn.describe(session)));
        context.out().flush();
        return new String[] {session.session().cookies().headerValue(), session.session().convexSessionId().value()};
    }

    private String[] askOnTerminal() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            String cookies = reader.readLine("Cookie header (hidden): ", '*');
            String convex = reader.readLine("Convex session id (hidden, optional, Enter to skip): ", '*');
            return new String[] {cookies, convex};
        } catch (UserInterruptException | EndOfFileException e) {
            throw new CliException("login cancelled; nothing stored.", ExitCode.INTERRUPTED);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the terminal", e);
        }
    }

    private String[] readPiped() {
        BufferedReader reader = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
        try {
            String cookies = reader.readLine();
            String convex = reader.readLine();
            return new String[] {cookies == null ? "" : cookies, convex == null ? "" : convex};
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read standard input", e);
        }
    }
}
