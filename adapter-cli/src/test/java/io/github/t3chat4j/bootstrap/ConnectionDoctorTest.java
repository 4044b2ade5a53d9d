package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.adapter.cli.Diagnosis;
import io.github.t3chat4j.adapter.cli.Diagnosis.Check;
import io.github.t3chat4j.adapter.cli.Diagnosis.Status;
import io.github.t3chat4j.application.port.out.ProbeConnectionPort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.domain.session.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionDoctorTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final String COOKIES = "wos-session=old-token; theme=dark";

    private final List<Session> saved = new ArrayList<>();
    private final SaveSessionPort save = saved::add;

    @Test
    void namesTheTransportThatGetsThrough_andHowToMakeItTheDefault_whenTheFirstIsBlocked() {
        ScriptedProbe probe = new ScriptedProbe("java");

        Diagnosis diagnosis = service(probe, NOW).diagnose(COOKIES, "convex-id", true);

        assertThat(diagnosis.readyToChat()).isTrue();
        assertThat(diagnosis.workingTransport()).hasValue("curl");
        assertThat(diagnosis.checks()).extracting(Check::name).containsSubsequence("credentials", "clock", "proxy",
                "home page [java]", "home page [curl]", "session renewal [curl]", "tRPC [curl]", "chat [curl]");
        assertThat(diagnosis.checks()).filteredOn(c -> c.name().equals("home page [java]")).singleElement()
                .extracting(Check::status).isEqualTo(Status.FAIL);
        assertThat(diagnosis.advice()).singleElement().asString().contains("T3_TRANSPORT=curl");
    }

    @Test
    void showsEveryTransportsHomePage_sideBySide_andGoesOnWithTheOneThatGetsThrough() {
        ScriptedProbe probe = new ScriptedProbe(List.of("java", "curl-impersonate", "browser"), Set.of("java"));
        probe.unavailable = "curl-impersonate";

        Diagnosis diagnosis = service(probe, NOW).diagnose(COOKIES, "convex-id", true);

        assertThat(diagnosis.workingTransport()).hasValue("browser");
        assertThat(diagnosis.checks()).extracting(Check::name).containsSubsequence("home page [java]",
                "home page [curl-impersonate]", "home page [browser]", "session renewal [browser]", "tRPC [browser]",
                "chat [browser]");
        assertThat(diagnosis.checks()).filteredOn(c -> c.name().equals("home page [java]")).singleElement()
                .satisfies(c -> assertThat(c.detail()).startsWith(ConnectionDoctor.BLOCKED)
                        .contains("HTTP 429", "x-vercel-mitigated: challenge"));
        assertThat(diagnosis.checks()).filteredOn(c -> c.name().equals("home page [curl-impersonate]"))
                .singleElement().extracting(Check::status).isEqualTo(Status.SKIP);
        assertThat(diagnosis.advice()).singleElement().asString().contains("turns the java transport away",
                "browser gets through", "falls back to it by itself", "T3_TRANSPORT=browser", "--transport browser");
    }

    @Test
    void saysToPassTheCheckInTheBrowser_whenEvenTheBrowserIsTurnedAway() {
        ScriptedProbe probe = new ScriptedProbe(List.of("java", "browser"), Set.of("java", "browser"));

        Diagnosis diagnosis = service(probe, NOW).diagnose(COOKIES, "convex-id", true);

        assertThat(diagnosis.readyToChat()).isFalse();
        assertThat(diagnosis.advice()).singleElement().asString().contains("even a real browser",
                "t3 login --from-browser");
    }

    @Test
    void saysWhatToInstall_whenEveryTransportHereIsTurnedAway() {
        ScriptedProbe probe = new ScriptedProbe(List.of("java", "browser"), Set.of("java"));
        probe.unavailable = "browser";

        Diagnosis diagnosis = service(probe, NOW).diagnose(COOKIES, "convex-id", true);

        assertThat(diagnosis.advice()).singleElement().asString().contains("Install Google Chrome or Chromium",
                "curl_chrome131");
    }

    @Test
    void usesAndKeepsTheRotatedSession_forTheLaterChecks() {
        ScriptedProbe probe = new ScriptedProbe("none");
        probe.rotateTo = "new-token";

        service(probe, NOW).diagnose(COOKIES, "convex-id", true);

        assertThat(saved).singleElement().satisfies(s -> assertThat(s.cookies().get("wos-session")).hasValue("new-token"));
        assertThat(probe.trpcSession.cookies().get("wos-session")).hasValue("new-token");
    }

    @Test
    void warnsOfASkewedClock_fromTheServersDate() {
        Diagnosis diagnosis = service(new ScriptedProbe("none"), NOW.plusSeconds(600)).diagnose(COOKIES, "convex-id", true);

        assertThat(diagnosis.checks().get(1)).satisfies(c -> {
            assertThat(c.name()).isEqualTo("clock");
            assertThat(c.status()).isEqualTo(Status.WARN);
        });
        assertThat(diagnosis.readyToChat()).isTrue();
    }

    @Test
    void reportsATransportThatCannotRun_andTriesTheOther() {
        ScriptedProbe probe = new ScriptedProbe("none");
        probe.unavailable = "java";

        Diagnosis diagnosis = service(probe, NOW).diagnose(COOKIES, "convex-id", true);

        assertThat(diagnosis.workingTransport()).hasValue("curl");
        assertThat(diagnosis.checks()).anySatisfy(c -> assertThat(c.detail()).startsWith("this transport cannot run"));
    }

    @Test
    void failsWithoutAnyRequest_whenTheCookieHasNoWosSession() {
        ScriptedProbe probe = new ScriptedProbe("none");

        Diagnosis diagnosis = service(probe, NOW)
                .diagnose("theme=dark", "convex", false);

        assertThat(diagnosis.readyToChat()).isFalse();
        assertThat(diagnosis.checks().get(0).status()).isEqualTo(Status.FAIL);
        assertThat(probe.requests).isZero();
    }

    private ConnectionDoctor service(ScriptedProbe probe, Instant now) {
        return new ConnectionDoctor(probe, save, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A probe whose answers the test sets: one blocked transport, a rotation, a transport that cannot run. */
    private static final class ScriptedProbe implements ProbeConnectionPort {
        private final List<String> transports;
        private final Set<String> blocked;
        String rotateTo;
        String unavailable = "";
        Session trpcSession;
        int requests;

        ScriptedProbe(String blocked) {
            this(List.of("java", "curl"), Set.of(blocked));
        }

        ScriptedProbe(List<String> transports, Set<String> blocked) {
            this.transports = transports;
            this.blocked = blocked;
        }

        @Override
        public List<String> transports() {
            return transports;
        }

        @Override
        public List<NetworkCheck> probeNetwork() {
            return List.of(new NetworkCheck("proxy", true, "none"), new NetworkCheck("dns", true, "ok"),
                    new NetworkCheck("tls", true, "TLSv1.3"));
        }

        @Override
        public SiteAnswer probe(String transport, SiteProbe probe, Session session) {
            requests++;
            if (transport.equals(unavailable)) {
                throw new InvalidInputException("no such program");
            }
            if (blocked.contains(transport)) {
                throw new BlockedByBotProtectionException(429, "x-vercel-mitigated: challenge", List.of(transport),
                        List.of());
            }
            if (probe == SiteProbe.TRPC) {
                trpcSession = session;
            }
            Optional<String> rotated = probe == SiteProbe.RENEW_SESSION ? Optional.ofNullable(rotateTo) : Optional.empty();
            return new SiteAnswer("HTTP/2.0", Optional.of(NOW), rotated);
        }

        @Override
        public void close() {
        }
    }
}
