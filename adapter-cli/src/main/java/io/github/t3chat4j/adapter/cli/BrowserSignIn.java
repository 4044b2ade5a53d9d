package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.LoadBrowserSessionQuery;
import io.github.t3chat4j.domain.browser.BrowserSession;
import io.github.t3chat4j.domain.browser.BrowserSessionLookup;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The CLI's side of signing in from a browser ({@code t3 login --from-browser}, {@code T3_COOKIES_FROM_BROWSER}):
 * asks the local use cases for the session of {@code BROWSER[:PROFILE]}, and turns "nothing found" into a
 * message that lists where it looked and what to do. Messages name cookies, never their values.
 */
final class BrowserSignIn {

    private BrowserSignIn() {
    }

    /**
     * The session in the browser profile {@code spec} names; a profile folder given relative is taken from
     * the run's folder ({@code fromWorkingDir} resolves a path against it).
     *
     * @throws CliException with {@link ExitCode#AUTH} when no profile holds one, {@link ExitCode#USAGE} for
     *     an unknown browser
     */
    static BrowserSession read(UnaryOperator<Path> fromWorkingDir, LocalClient local, String spec) {
        LoadBrowserSessionQuery query = fromWorkingDir(fromWorkingDir, LoadBrowserSessionQuery.parse(spec));
        BrowserSessionLookup lookup = local.loadBrowserSession(query);
        if (lookup instanceof BrowserSessionLookup.Found found) {
            return found.session();
        }
        throw new CliException(notFound((BrowserSessionLookup.NotFound) lookup, query), ExitCode.AUTH);
    }

    /** A profile given as a folder relative to the run's working folder, made absolute; names are left alone. */
    private static LoadBrowserSessionQuery fromWorkingDir(UnaryOperator<Path> fromWorkingDir,
            LoadBrowserSessionQuery query) {
        String profile = query.profile();
        if (profile.isEmpty()) {
            return query;
        }
        try {
            Path folder = Path.of(profile);
            if (!folder.isAbsolute() && Files.isDirectory(fromWorkingDir.apply(folder))) {
                return new LoadBrowserSessionQuery(query.browser(), fromWorkingDir.apply(folder).toString());
            }
        } catch (InvalidPathException notAPath) {
            // A profile name that is no path at all.
        }
        return query;
    }

    /** One line saying what was used: browser, profile and cookie names. */
    static String describe(BrowserSession session) {
        return "Read the t3.chat session of " + session.browser().displayName() + " (profile " + session.profile()
                + "): cookies " + String.join(", ", session.cookieNames()) + ", and the convex session id.";
    }

    static String notFound(BrowserSessionLookup.NotFound notFound, LoadBrowserSessionQuery query) {
        String name = notFound.browser().displayName();
        StringBuilder message = new StringBuilder("no t3.chat session found in ").append(name)
                .append(": ").append(notFound.reason()).append('.');
        message.append(System.lineSeparator()).append("  Looked in:");
        for (String place : notFound.searched()) {
            message.append(System.lineSeparator()).append("    ").append(place);
        }
        String lineSeparator = System.lineSeparator();
        message.append(lineSeparator).append("  Sign in at https://t3.chat in ").append(name)
                .append(" and run this again (close the browser first if it just signed in, so it saves its cookies);")
                .append(lineSeparator).append("  name a profile with --from-browser ").append(query.browser().id())
                .append(":PROFILE (a profile name or folder), or paste the cookies by hand: t3 login.");
        return message.toString();
    }
}
