package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Turns curl's exit code (see "EXIT CODES" in curl's manual) and its one-line error into the exception
 * the JVM engine would throw for the same failure, so that the pipeline maps both alike: no connection
 * (not sent, safe to retry), a timeout, a TLS failure, or a broken exchange.
 */
final class CurlFailure {

    private CurlFailure() {
    }

    /**
     * @param exitCode curl's exit code (non-zero)
     * @param stderr what curl printed on standard error ({@code curl: (7) Failed to connect …})
     * @param headSeen whether a response head had arrived (then nothing is "not sent")
     */
    static IOException of(int exitCode, String stderr, boolean headSeen) {
        String message = message(exitCode, stderr);
        if (!headSeen) {
            switch (exitCode) {
                case 5, 6:
                    return new RequestNotSentException(true, new UnknownHostException(message));
                case 7:
                    return new RequestNotSentException(true, new ConnectException(message));
                default:
                    break;
            }
        }
        return switch (exitCode) {
            case 28 -> !headSeen && stderr.toLowerCase(java.util.Locale.ROOT).contains("connect")
                    ? new RequestNotSentException(true, new ConnectException(message))
                    : new SocketTimeoutException(message);
            case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91 -> new SSLException(message);
            default -> new IOException(message);
        };
    }

    private static String message(int exitCode, String stderr) {
        String text = stderr.strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip();
        }
        return text.isEmpty() ? "curl exited with code " + exitCode : text;
    }
}
