package io.github.t3chat4j.adapter.cli;

/** A failure the CLI reports as one message and an exit code, without a stack trace. */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
