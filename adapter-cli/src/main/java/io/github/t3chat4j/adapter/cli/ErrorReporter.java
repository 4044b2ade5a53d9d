package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.error.ApiKeyRequiredException;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.CaptchaRequiredException;
import io.github.t3chat4j.application.error.ChatStreamException;
import io.github.t3chat4j.application.error.ConversationBusyException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.RateLimitedException;
import io.github.t3chat4j.application.error.ReplyProtocolException;
import io.github.t3chat4j.application.error.ServiceUnavailableException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.error.StreamInterruptedException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns a failure into one line on standard error and a documented exit code; the stack trace only
 * with {@code --verbose}. The mapping lives here and in the README's table.
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
        String message = ex.getMessage() == null || ex.getMessage().isBlank()
                ? ex.getClass().getSimpleName() : ex.getMessage();
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
