package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What {@code t3 doctor} found: the checks in order, the transport that got through (if any), whether
 * everything a chat needs passed, and what to do next.
 */
public record Diagnosis(List<Check> checks, Optional<String> workingTransport, boolean readyToChat,
        List<String> advice) {

    public Diagnosis {
        checks = List.copyOf(checks);
        requireNonNull(workingTransport, "workingTransport == null");
        advice = List.copyOf(advice);
    }

    /** How one check came out. */
    public enum Status { PASS, WARN, FAIL, SKIP }

    /** One line of the diagnosis. */
    public record Check(String name, Status status, String detail) {
        public Check {
            requireNonNull(name, "name == null");
            requireNonNull(status, "status == null");
            requireNonNull(detail, "detail == null");
        }
    }
}
