package io.github.t3chat4j.application.port.in;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * {@code t3 doctor}: checks, in order, the credentials, the clock, the proxy, DNS and TLS, the home
 * page, session renewal, tRPC and (only when asked, as it costs credits) a tiny chat; tells a bot
 * filter from an expired session and from a network failure, tries the other transport when one is
 * blocked, and says what to do. Never throws for what it finds; every finding is a check.
 */
@FunctionalInterface
public interface DiagnoseConnectionUseCase {

    DiagnosisResult diagnose(DiagnoseConnectionCommand command);

    /**
     * What to diagnose with.
     *
     * @param cookies the cookie string as configured (may be empty: then the credentials check fails)
     * @param convexSessionId the convex session id as configured (may be empty)
     * @param includeChat whether to send a tiny chat (costs credits)
     */
    record DiagnoseConnectionCommand(String cookies, String convexSessionId, boolean includeChat) {
        public DiagnoseConnectionCommand {
            requireNonNull(cookies, "cookies == null");
            requireNonNull(convexSessionId, "convexSessionId == null");
        }

        @Override
        public String toString() {
            return "DiagnoseConnectionCommand[credentials redacted, includeChat=" + includeChat + "]";
        }
    }

    /** How one check came out. */
    enum Status { PASS, WARN, FAIL, SKIP }

    /** One line of the diagnosis. */
    record CheckResult(String name, Status status, String detail) {
        public CheckResult {
            requireNonNull(name, "name == null");
            requireNonNull(status, "status == null");
            requireNonNull(detail, "detail == null");
        }
    }

    /**
     * The result: the checks in order, the transport that got through (if any), whether everything a
     * chat needs passed, and what to do next.
     */
    record DiagnosisResult(List<CheckResult> checks, Optional<String> workingTransport, boolean readyToChat,
            List<String> advice) {
        public DiagnosisResult {
            checks = List.copyOf(checks);
            requireNonNull(workingTransport, "workingTransport == null");
            advice = List.copyOf(advice);
        }
    }
}
