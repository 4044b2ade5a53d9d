package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Looks at the way to t3.chat for {@code t3 doctor}: the network below HTTP (proxy, DNS, TLS), and one
 * request of each kind the client makes, sent with a named transport so that a blocked one can be told
 * from one that gets through. Requests are sent once, without retries. Implementations hold
 * connections and are closed by whoever made them.
 */
public interface ProbeConnectionPort extends AutoCloseable {

    /** The requests a probe can send. */
    enum SiteProbe {
        /** {@code GET /}: does the edge let this client in? */
        HOME,
        /** {@code auth.getActiveSessions}: is the session alive, and does it rotate? */
        RENEW_SESSION,
        /** A tRPC read ({@code getCustomerData}): is the account readable? */
        TRPC,
        /** A tiny chat (costs credits): does a reply stream back? */
        CHAT
    }

    /** One check of the network, already worded: passed or not, and what was found. */
    record NetworkCheck(String name, boolean passed, String detail) {
    }

    /**
     * What a site request answered.
     *
     * @param protocol the protocol it came over ({@code HTTP/2.0})
     * @param serverDate the server's {@code Date} header, to compare clocks with
     * @param rotatedWosSession a new {@code wos-session} value, when the server rotated it
     */
    record SiteAnswer(String protocol, Optional<Instant> serverDate, Optional<String> rotatedWosSession) {
    }

    /** The transports this adapter can send with ({@code java}, {@code curl}), the configured one first. */
    List<String> transports();

    /** The proxy, DNS and TLS checks towards the site, in that order. */
    List<NetworkCheck> probeNetwork();

    /**
     * Sends {@code probe} with {@code transport}.
     *
     * @throws io.github.t3chat4j.application.error.T3ChatException subtypes as every adapter throws them:
     *     {@code BlockedByBotProtectionException}, {@code SessionExpiredException}, {@code TransportException},
     *     and {@code InvalidInputException} when the transport cannot run here (no curl)
     */
    SiteAnswer probe(String transport, SiteProbe probe, Session session);

    /** Releases the connections of every transport used. */
    @Override
    void close();
}
