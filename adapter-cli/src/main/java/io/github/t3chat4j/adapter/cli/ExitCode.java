package io.github.t3chat4j.adapter.cli;

/** The exit codes of {@code t3}, documented in the README and in {@code t3 --help}. */
public final class ExitCode {

    public static final int OK = 0;
    /** Something unexpected: a bug. Rerun with --verbose and report it. */
    public static final int INTERNAL = 1;
    /**
     * The command line was wrong: unknown option, missing prompt, bad value; also a model (or effort) the
     * request cannot use, such as one that needs the user's own provider key.
     */
    public static final int USAGE = 2;
    /** No credentials, or t3.chat rejected them (session expired). */
    public static final int AUTH = 3;
    /** t3.chat's bot protection turned the request away: its edge checkpoint, or a captcha the session needs. */
    public static final int BLOCKED = 4;
    /** Rate limited (429) or the service is unavailable (5xx). */
    public static final int UNAVAILABLE = 5;
    /** t3.chat answered in an unexpected way, or reported an error inside the reply. */
    public static final int PROTOCOL = 6;
    /** The network failed or the reply was cut off. */
    public static final int NETWORK = 7;
    /** A local file could not be read or written. */
    public static final int IO = 8;
    /** Another {@code t3} is sending to the same conversation and held it too long. */
    public static final int BUSY = 9;
    /** Interrupted by the user (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    /** The table shown in {@code t3 --help}. */
    public static final String HELP_TABLE = """
            Exit codes:
                0  success
                1  unexpected error (rerun with --verbose and report it)
                2  usage error (also a model or effort that needs your own provider key)
                3  no credentials, or the session expired
                4  blocked by t3.chat's bot protection (its checkpoint, or a captcha)
                5  rate limited or service unavailable
                6  protocol error (unexpected answer, error inside the reply)
                7  network error or reply cut off
                8  local file error
                9  the conversation is in use by another t3 (it says which process)
              130  interrupted (Ctrl-C); what arrived stays printed
            """;

    private ExitCode() {
    }
}
