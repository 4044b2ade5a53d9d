package io.github.t3chat4j.bootstrap;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.adapter.cli.Diagnosis;
import io.github.t3chat4j.adapter.cli.Diagnosis.Check;
import io.github.t3chat4j.adapter.cli.Diagnosis.Status;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort.SiteAnswer;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort.SiteProbe;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.session.SessionCookies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of {@code t3 doctor}: which checks run in which order, how a failure is read (t3.chat's bot
 * checkpoint, a rejected session, an unreachable host, a transport that cannot run here), every
 * transport's home page side by side, the later checks with the first one the edge lets in, and the
 * advice at the end. A session the server rotates during the check
 * is used for the later checks and handed to {@link SaveSessionPort}, so nothing is lost.
 */
final class ConnectionDoctor {

    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);
    /** How a check that t3.chat's edge turned away begins. */
    public static final String BLOCKED = "turned away by t3.chat's bot checkpoint";

    private final ProbeConnectionPort probe;
    private final SaveSessionPort saveSession;
    private final Clock clock;

    ConnectionDoctor(ProbeConnectionPort probe, SaveSessionPort saveSession, Clock clock) {
        this.probe = requireNonNull(probe, "probe == null");
        this.saveSession = requireNonNull(saveSession, "saveSession == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    /** How a transport fared at the site. */
    private enum Outcome { PASSED, BLOCKED, SESSION_REJECTED, UNREACHABLE, UNAVAILABLE, FAILED }

    /**
     * Checks, in order, the credentials, the clock, the proxy, DNS and TLS, the home page, session renewal,
     * tRPC and (only when asked, as it costs credits) a tiny chat; tells t3.chat's bot checkpoint from an
     * expired session and from a network failure, tries every transport's home page side by side and the
     * later checks with the first one let in, and says what to do. Never throws for what it finds; every finding is a check.
     *
     * @param cookies the cookie string as configured (may be empty: then the credentials check fails)
     * @param convexSessionId the convex session id as configured (may be empty)
     * @param includeChat whether to send a tiny chat (costs credits)
     */
    Diagnosis diagnose(String cookies, String convexSessionId, boolean includeChat) {
        requireNonNull(cookies, "cookies == null");
        requireNonNull(convexSessionId, "convexSessionId == null");
        List<Check> checks = new ArrayList<>();
        Optional<Session> session = credentials(cookies, convexSessionId, checks);
        int clockLine = checks.size();
        for (ProbeConnectionPort.NetworkCheck network : probe.probeNetwork()) {
            checks.add(new Check(network.name(), network.passed() ? Status.PASS : Status.FAIL, network.detail()));
        }
        List<String> transports = probe.transports();
        Optional<Instant> serverDate = Optional.empty();
        List<Outcome> outcomes = new ArrayList<>();
        List<String> passedHome = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        String working = null;
        Session current = session.orElse(null);
        if (current != null) {
            // Every transport's first step, side by side: which of them t3.chat's edge lets in.
            for (String transport : transports) {
                Run run = new Run(transport, current, includeChat, checks);
                Outcome home = run.home();
                serverDate = serverDate.or(() -> run.serverDate);
                outcomes.add(home);
                if (home == Outcome.PASSED) {
                    passedHome.add(transport);
                } else if (home == Outcome.BLOCKED) {
                    blocked.add(transport);
                }
            }
            for (String transport : passedHome) {
                Run run = new Run(transport, current, includeChat, checks);
                Outcome outcome = run.rest();
                outcomes.add(outcome);
                current = run.session;
                if (outcome == Outcome.PASSED) {
                    working = transport;
                    break;
                }
                if (outcome == Outcome.BLOCKED) {
                    blocked.add(transport);
                } else if (outcome != Outcome.UNAVAILABLE) {
                    break;
                }
            }
        }
        checks.add(clockLine, clockCheck(serverDate));
        boolean ready = working != null;
        return new Diagnosis(checks, Optional.ofNullable(working), ready,
                advice(session.isPresent(), transports, outcomes, blocked, working));
    }

    private Optional<Session> credentials(String cookies, String convexSessionId, List<Check> checks) {
        if (cookies.isBlank()) {
            checks.add(new Check("credentials", Status.FAIL, "no cookie string (COOKIES is not set)"));
            return Optional.empty();
        }
        Session session;
        try {
            session = Session.of(cookies, convexSessionId);
        } catch (IllegalArgumentException e) {
            checks.add(new Check("credentials", Status.FAIL, "malformed: " + e.getMessage()));
            return Optional.empty();
        }
        if (session.cookies().get(SessionCookies.WOS_SESSION).filter(v -> !v.isBlank()).isEmpty()) {
            checks.add(new Check("credentials", Status.FAIL, "the cookie string has no wos-session cookie;"
                    + " copy the whole Cookie header of a request to t3.chat"));
            return Optional.empty();
        }
        checks.add(new Check("credentials", Status.PASS, session.cookies().size()
                + " cookies with wos-session, and a convex session id"));
        return Optional.of(session);
    }

    private Check clockCheck(Optional<Instant> serverDate) {
        if (serverDate.isEmpty()) {
            return new Check("clock", Status.SKIP, "no answer with a Date header to compare with");
        }
        Duration skew = Duration.between(serverDate.get(), clock.instant()).abs();
        return skew.compareTo(CLOCK_TOLERANCE) <= 0
                ? new Check("clock", Status.PASS, "within " + Math.max(1, skew.toSeconds()) + " s of the server's")
                : new Check("clock", Status.WARN, "off by " + skew.toSeconds() + " s from the server's; sessions"
                        + " and TLS need a correct clock (enable NTP)");
    }

    /** The checks of the site with one transport. */
    private final class Run {
        private final String transport;
        private final boolean includeChat;
        private final List<Check> checks;
        private Session session;
        private Optional<Instant> serverDate = Optional.empty();

        Run(String transport, Session session, boolean includeChat, List<Check> checks) {
            this.transport = transport;
            this.session = session;
            this.includeChat = includeChat;
            this.checks = checks;
        }

        /** Whether the edge lets this transport in at all. */
        Outcome home() {
            return step(SiteProbe.HOME, "home page");
        }

        /** The checks after the home page. */
        Outcome rest() {
            Outcome renewal = step(SiteProbe.RENEW_SESSION, "session renewal");
            if (renewal != Outcome.PASSED) {
                return renewal;
            }
            Outcome trpc = step(SiteProbe.TRPC, "tRPC");
            if (trpc != Outcome.PASSED || !includeChat) {
                if (!includeChat && trpc == Outcome.PASSED) {
                    checks.add(new Check("chat [" + transport + "]", Status.SKIP, "not sent (it costs credits);"
                            + " run t3 doctor --chat to send one"));
                }
                return trpc;
            }
            return step(SiteProbe.CHAT, "chat");
        }

        private Outcome step(SiteProbe kind, String name) {
            String label = name + " [" + transport + "]";
            try {
                SiteAnswer answer = probe.probe(transport, kind, session);
                serverDate = serverDate.or(answer::serverDate);
                String detail = "ok over " + answer.protocol();
                if (answer.rotatedWosSession().isPresent()) {
                    session = session.withRenewedWosSession(answer.rotatedWosSession().get());
                    detail += "; t3.chat renewed the session cookie" + keep();
                }
                checks.add(new Check(label, Status.PASS, detail));
                return Outcome.PASSED;
            } catch (BlockedByBotProtectionException e) {
                checks.add(new Check(label, Status.FAIL, BLOCKED + " (HTTP " + e.status() + ", " + e.sign()
                        + "): it judged this client's TLS and HTTP fingerprint, not the account"));
                return Outcome.BLOCKED;
            } catch (SessionExpiredException e) {
                checks.add(new Check(label, Status.FAIL, "the session was refused (expired, revoked or signed"
                        + " out): " + e.getMessage()));
                return Outcome.SESSION_REJECTED;
            } catch (TransportException e) {
                checks.add(new Check(label, Status.FAIL, "network failure: " + e.getMessage()));
                return Outcome.UNREACHABLE;
            } catch (InvalidInputException e) {
                checks.add(new Check(label, Status.SKIP, "this transport cannot run here: " + e.getMessage()));
                return Outcome.UNAVAILABLE;
            } catch (T3ChatException e) {
                checks.add(new Check(label, Status.FAIL, e.getMessage()));
                return Outcome.FAILED;
            }
        }

        private String keep() {
            try {
                saveSession.saveSession(session);
                return "";
            } catch (T3ChatException e) {
                return " (not kept: " + e.getMessage() + ")";
            }
        }
    }

    private static List<String> advice(boolean credentials, List<String> transports, List<Outcome> outcomes,
            List<String> blocked, String working) {
        List<String> advice = new ArrayList<>();
        if (!credentials) {
            advice.add("Copy your browser's cookie string and convex session id (see t3 --help), or run t3 login.");
            return advice;
        }
        String configured = transports.isEmpty() ? "java" : transports.get(0);
        if (working != null) {
            if (working.equals(configured)) {
                advice.add("Everything a chat needs works with the " + working + " transport.");
            } else {
                advice.add("t3.chat's bot checkpoint turns the " + String.join(" and ", blocked) + " transport"
                        + (blocked.size() > 1 ? "s" : "") + " away, but " + working + " gets through; t3 falls back to"
                        + " it by itself and remembers it for this site. Make it the default: export "
                        + environment(working) + " (or put " + environment(working)
                        + " in ~/.config/t3chat4j/config.properties), or pass " + flag(working) + ".");
            }
            return advice;
        }
        if (outcomes.contains(Outcome.SESSION_REJECTED)) {
            advice.add("Your session is no longer valid: sign in to t3.chat in the browser, copy the cookie string"
                    + " again, and run t3 login (or update COOKIES).");
        } else if (!blocked.isEmpty() && outcomes.stream().allMatch(o -> o == Outcome.BLOCKED
                || o == Outcome.UNAVAILABLE)) {
            advice.add(blocked.contains("browser")
                    ? "t3.chat's bot checkpoint turned away every transport, even a real browser: open https://t3.chat"
                            + " in your own browser, pass the check there and send one message, then sign in again"
                            + " with t3 login --from-browser."
                    : "t3.chat's bot checkpoint turned away every transport tried. Install Google Chrome or Chromium"
                            + " (t3 then gets through with it by itself, or with --transport browser), or put a"
                            + " curl-impersonate build such as curl_chrome131 on the PATH; see docs/REACH.md.");
        } else if (outcomes.contains(Outcome.UNREACHABLE) && !outcomes.contains(Outcome.FAILED)) {
            advice.add("t3.chat could not be reached: check the network connection, any proxy (HTTPS_PROXY,"
                    + " --proxy) and --base-url.");
        } else {
            advice.add("See the failed check above; rerun with --verbose, and report it if it persists.");
        }
        return advice;
    }

    /** The setting that makes {@code transport} the default. */
    private static String environment(String transport) {
        return transport.startsWith("curl_") ? "T3_TRANSPORT=curl T3_CURL=" + transport : "T3_TRANSPORT=" + transport;
    }

    /** The flag that picks {@code transport} for one run. */
    private static String flag(String transport) {
        return transport.startsWith("curl_") ? "--transport curl --curl " + transport : "--transport " + transport;
    }
}
