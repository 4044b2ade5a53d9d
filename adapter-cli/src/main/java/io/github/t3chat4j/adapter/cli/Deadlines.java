package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deadlines and the size limit a run sets for its requests, each empty for the default: to connect,
 * for the answer to begin, between two events of a reply, for a whole reply, and the largest reply.
 * Durations are written {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h} (a bare number is seconds);
 * sizes {@code 64MiB}, {@code 500KB} or a number of bytes.
 */
public record Deadlines(Optional<Duration> connect, Optional<Duration> firstByte, Optional<Duration> idle,
        Optional<Duration> total, Optional<Long> maxReplyBytes) {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?");

    public Deadlines {
        requireNonNull(connect, "connect == null");
        requireNonNull(firstByte, "firstByte == null");
        requireNonNull(idle, "idle == null");
        requireNonNull(total, "total == null");
        requireNonNull(maxReplyBytes, "maxReplyBytes == null");
    }

    /**
     * {@code text} as a duration.
     *
     * @throws CliException with {@link ExitCode#USAGE} naming {@code setting} when it is not one, or is zero
     */
    static Duration duration(String setting, String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new CliException(setting + " must be a duration above zero such as 500ms, 30s, 2m or 1h, got '"
                    + text + "'.", ExitCode.USAGE);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /**
     * {@code text} as a number of bytes.
     *
     * @throws CliException with {@link ExitCode#USAGE} naming {@code setting} when it is not one, or is zero
     */
    static long size(String setting, String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new CliException(setting + " must be a size above zero such as 64MiB, 500KB or 1048576, got '"
                    + text + "'.", ExitCode.USAGE);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit) {
            case "kb" -> 1000L;
            case "k", "kib" -> 1024L;
            case "mb" -> 1000L * 1000;
            case "m", "mib" -> 1024L * 1024;
            case "gb" -> 1000L * 1000 * 1000;
            case "g", "gib" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Math.multiplyExact(n, factor);
    }
}
