package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.error.ApiKeyRequiredException;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.CaptchaRequiredException;
import io.github.t3chat4j.application.error.ChatStreamException;
import io.github.t3chat4j.application.error.ConversationBusyException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.Remedy;
import io.github.t3chat4j.application.error.ReplyProtocolException;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;

/**
 * Turns a failure into one line on standard error and a documented exit code; the stack trace only
 * with {@code --verbose}. The mapping lives here and in the README's table, and so does the advice in
 * this command's words: the library says what to change in its API's names ({@link Remedy}), and
 * {@link #message(Throwable)} says it with the flags, variables and {@code t3 login} of this command.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    private final PrintWriter err;
    private final java.util.function.BooleanSupplier verbose;

    ErrorReporter(PrintWriter err, java.util.function.BooleanSupplier verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return report(ex);
    }

    int report(Throwable ex) {
        int code = exitCodeOf(ex);
        String message = message(ex);
        if (code == ExitCode.INTERNAL) {
            message = "unexpected error (" + ex.getClass().getSimpleName() + "): " + message
                    + (verbose.getAsBoolean() ? "" : " Rerun with --verbose for details.");
        }
        // Server text can reach here (an error field, a page title): it must not drive the terminal.
        err.println("t3: " + TerminalSafe.text(message));
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * What went wrong and, when something can be changed, what to change, in this command's words: a
     * {@link T3ChatException}'s detail followed by the advice for its remedy; any other message as it is.
     */
    static String message(Throwable ex) {
        if (ex instanceof BlockedByBotProtectionException blocked) {
            return blocked.detail() + " " + wayThrough(blocked);
        }
        if (ex instanceof T3ChatException failure) {
            return failure.remedy().map(remedy -> failure.detail() + " " + advice(remedy)).orElse(failure.getMessage());
        }
        return ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    /** What to change, as the flags, variables and commands of {@code t3} name it. */
    static String advice(Remedy remedy) {
        return switch (remedy) {
            case NEW_CREDENTIALS -> "Sign in to t3.chat in your browser, then run 't3 login --from-browser BROWSER'"
                    + " (or 't3 login' to paste the cookie string), or set COOKIES and CONVEX_SESSION_ID.";
            case CREDENTIALS -> "Set COOKIES to the whole cookie string of a signed-in browser and CONVEX_SESSION_ID"
                    + " to its convex session id, or run 't3 login'.";
            case BROWSER_CHECK -> "Get through with --transport browser (Google Chrome or Chromium installed) or"
                    + " --transport curl --curl with a curl-impersonate build; 't3 doctor' tries each transport.";
            case CONFIRM_SESSION -> "Open https://t3.chat in your browser, send one message there (and solve the"
                    + " captcha if it asks), then sign in again with t3 login --from-browser (or copy the cookie"
                    + " string again).";
            case OWN_KEY -> "Add it in t3.chat's settings, choose a lower effort (--reasoning low) or another model,"
                    + " or let t3 retry once at low effort by itself (T3_ALLOW_LOWER_EFFORT=true).";
            case CONNECT_TIMEOUT -> "Check your network connection, any proxy (--proxy, HTTPS_PROXY) and --base-url;"
                    + " a slow network may need a longer connect timeout (--connect-timeout, T3_CONNECT_TIMEOUT).";
            case FIRST_BYTE_TIMEOUT -> "Check your network connection, or raise the first-byte timeout"
                    + " (--first-byte-timeout, T3_FIRST_BYTE_TIMEOUT).";
            case IDLE_TIMEOUT -> "Raise the idle timeout with --idle-timeout or T3_IDLE_TIMEOUT.";
            case TOTAL_TIMEOUT -> "Raise the total timeout with --timeout or T3_TIMEOUT.";
            case MAX_REPLY_SIZE -> "The limit is set with --max-reply-size or T3_MAX_REPLY_SIZE.";
            case CURL_PROGRAM -> "Install curl 7.54.0 or newer (Debian/Ubuntu: apt install curl; Fedora: dnf"
                    + " install curl; macOS: brew install curl), or name one with --curl PATH (T3_CURL).";
            case MODEL_ID -> "Run 't3 models' to list the models.";
            case GATEWAY_KEY -> "Leave --api-key out to use the generated key, or give one of at least 24 characters.";
            case GATEWAY_PORT -> "Pick another --port, or stop what uses it.";
            case OTHER_BROWSER -> "Sign in from Firefox ('t3 login --from-browser firefox') or paste the cookies by"
                    + " hand ('t3 login').";
        };
    }

    /** The way past t3.chat's checkpoint, from what was tried and what this machine has left to try. */
    private static String wayThrough(BlockedByBotProtectionException blocked) {
        List<String> untried = blocked.untried();
        if (!untried.isEmpty()) {
            return "Get through with " + transportFlags(untried.get(0))
                    + (untried.size() > 1 ? " (or " + transportFlags(untried.get(1)) + ")" : "")
                    + "; t3 doctor tries each transport.";
        }
        if (blocked.tried().contains("browser")) {
            return "Even a real browser was turned away: open https://t3.chat in your own browser, pass the check"
                    + " there and send one message, then sign in again with t3 login --from-browser.";
        }
        if (blocked.tried().stream().anyMatch(t -> t.startsWith("browser ("))) {
            return "The browser transport, which gets through, could not run (see why above); t3 --transport"
                    + " browser doctor shows more.";
        }
        return "Install Google Chrome or Chromium (t3 then gets through with it by itself), or put a"
                + " curl-impersonate build such as curl_chrome131 on the PATH; see docs/REACH.md.";
    }

    /** How a user picks a transport by its name. */
    static String transportFlags(String transport) {
        return transport.startsWith("curl_") ? "--transport curl --curl " + transport : "--transport " + transport;
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof CliException cli) {
            return cli.exitCode();
        }
        if (ex instanceof SessionExpiredException) {
            return ExitCode.AUTH;
        }
        if (ex instanceof BlockedByBotProtectionException || ex instanceof CaptchaRequiredException) {
            return ExitCode.BLOCKED;
        }
        if (ex instanceof ApiKeyRequiredException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof RateLimitedException || ex instanceof ServiceUnavailableException) {
            return ExitCode.UNAVAILABLE;
        }
        if (ex instanceof UnexpectedResponseException || ex instanceof ChatStreamException
                || ex instanceof ReplyProtocolException) {
            return ExitCode.PROTOCOL;
        }
        if (ex instanceof StreamInterruptedException || ex instanceof TransportException) {
            return ExitCode.NETWORK;
        }
        if (ex instanceof InvalidInputException || ex instanceof IllegalArgumentException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof ConversationBusyException) {
            return ExitCode.BUSY;
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException || ex instanceof StorageException) {
            return ExitCode.IO;
        }
        return ExitCode.INTERNAL;
    }
}
