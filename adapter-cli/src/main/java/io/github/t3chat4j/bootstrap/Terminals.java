package io.github.t3chat4j.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether standard input and output are terminals. Java 17 only says so for both at once
 * ({@code System.console()}); on Linux the {@code /proc/self/fd} links tell each apart, so that
 * {@code t3 ask hi | less} still reads no standard input and {@code git diff | t3 ask} still does.
 */
final class Terminals {

    private Terminals() {
    }

    static boolean stdinIsTerminal() {
        return isTerminal(0);
    }

    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    /**
     * The size of the terminal on standard output as the launcher measured it ({@code stty size}, given as
     * the property {@code t3.terminal.size}): columns and rows, or 0×0 when not measured.
     */
    static int[] measuredSize() {
        // "ROWS COLUMNS", read without a regular expression (the client must not start the lambda machinery).
        String measured = System.getProperty("t3.terminal.size", "").strip();
        int space = measured.indexOf(' ');
        if (space > 0) {
            try {
                int rows = Integer.parseInt(measured.substring(0, space));
                int columns = Integer.parseInt(measured.substring(space + 1).strip());
                if (rows > 0 && columns > 0) {
                    return new int[] {columns, rows};
                }
            } catch (NumberFormatException e) {
                // Not a size: as if none was measured.
            }
        }
        return new int[] {0, 0};
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/".concat(Integer.toString(fd)));
        if (Files.isSymbolicLink(link)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }
}
