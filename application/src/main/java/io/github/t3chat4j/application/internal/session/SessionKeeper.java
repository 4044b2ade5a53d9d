package io.github.t3chat4j.application.internal.session;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.port.out.SessionPort;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.domain.session.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The only holder of one connection's current {@link Session}, shared by chat, account reads and
 * anything else that talks to t3.chat with it. t3.chat rotates the {@code wos-session} cookie, and
 * renewing the same cookie twice may be refused, so renewal is rationed here:
 * <ul>
 *   <li>once before the session is first used ({@link #firstUse()}), unless the session store says this
 *       very session was renewed less than {@link #FRESH_FOR} ago (by an earlier run of the program,
 *       say): then the first request goes out at once, and a rejection still renews;</li>
 *   <li>once after t3.chat rejects it ({@link #call(Function)} renews and retries once; when another
 *       thread already renewed since the rejected session was handed out, its session is used
 *       instead of renewing again);</li>
 *   <li>and whenever a caller asks ({@link #renew()}).</li>
 * </ul>
 * An {@linkplain Session#anonymous() anonymous} session (a client without credentials, reading only what
 * the site shows everyone) is never renewed, and a rejection of it is passed on as it is.
 * After every renewal the {@link SaveSessionPort} is told the session and the time, so a rotated cookie
 * (and its freshness) outlives the process; a failure to save goes to the warning listener and never
 * fails the request.
 * Thread-safe.
 */
public final class SessionKeeper {

    /** How long after a renewal a session counts as fresh: its first use in a later process renews nothing. */
    public static final Duration FRESH_FOR = Duration.ofMinutes(10);

    private final SessionPort renewal;
    private final SaveSessionPort saver;
    private final Consumer<String> warnings;
    private final Clock clock;
    private Session current;
    private boolean renewedOnce;

    /**
     * @param renewal asks t3.chat for a rotated cookie
     * @param saver told about every rotated session
     * @param warnings hears one sentence when a rotated session could not be saved
     */
    public SessionKeeper(Session initial, SessionPort renewal, SaveSessionPort saver, Consumer<String> warnings) {
        this(initial, renewal, saver, warnings, Clock.systemUTC());
    }

    /** Like {@link #SessionKeeper(Session, SessionPort, SaveSessionPort, Consumer)}, telling time by {@code clock}. */
    public SessionKeeper(Session initial, SessionPort renewal, SaveSessionPort saver, Consumer<String> warnings,
            Clock clock) {
        this.current = requireNonNull(initial, "initial == null");
        this.renewal = requireNonNull(renewal, "renewal == null");
        this.saver = requireNonNull(saver, "saver == null");
        this.warnings = requireNonNull(warnings, "warnings == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    /** The session in use now, renewed or not. */
    public synchronized Session current() {
        return current;
    }

    /**
     * The session to use for a request: renewed first when this keeper has not renewed yet, unless the
     * store renewed this very session less than {@link #FRESH_FOR} ago.
     */
    public synchronized Session firstUse() {
        if (!renewedOnce) {
            if (current.isAnonymous() || renewedRecently()) {
                renewedOnce = true;
            } else {
                renew();
            }
        }
        return current;
    }

    /** Renews now and returns the session in use afterwards (the same one when the cookie did not rotate). */
    public synchronized Session renew() {
        Session before = current;
        if (before.isAnonymous()) {
            // No cookie to rotate: asking t3.chat would only send a request it must refuse.
            renewedOnce = true;
            return before;
        }
        // Marked first: a failed renewal is not retried before the first use of every caller after it.
        renewedOnce = true;
        current = renewal.renewWosSession(before).map(before::withRenewedWosSession).orElse(before);
        save(current, !current.equals(before));
        return current;
    }

    private boolean renewedRecently() {
        Optional<Instant> last;
        try {
            last = saver.lastRenewal(current);
        } catch (RuntimeException unreadable) {
            return false;
        }
        Instant now = clock.instant();
        return last.filter(at -> !at.isAfter(now) && Duration.between(at, now).compareTo(FRESH_FOR) < 0).isPresent();
    }

    /**
     * Runs {@code request} with the session (renewed first on first use). When t3.chat rejects it, renews
     * once (or takes the session another thread renewed meanwhile) and runs it once more.
     *
     * @throws SessionExpiredException when the session is still rejected after the renewal
     */
    public <T> T call(Function<Session, T> request) {
        Session used = firstUse();
        try {
            return request.apply(used);
        } catch (SessionExpiredException rejected) {
            if (used.isAnonymous()) {
                throw rejected;
            }
            Session fresh = renewAfterRejectionOf(used);
            try {
                return request.apply(fresh);
            } catch (SessionExpiredException stillRejected) {
                throw new SessionExpiredException("t3.chat still rejects the session after a refresh: it has"
                        + " expired.");
            }
        }
    }

    private synchronized Session renewAfterRejectionOf(Session rejected) {
        return current.equals(rejected) ? renew() : current;
    }

    private void save(Session renewed, boolean rotated) {
        try {
            saver.saveRenewedSession(renewed, rotated, clock.instant());
        } catch (RuntimeException e) {
            if (rotated) {
                warnings.accept("could not keep the renewed session cookie (" + describe(e) + "); if the next"
                        + " command is refused, sign in again.");
            }
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public synchronized String toString() {
        return "SessionKeeper[" + current + (renewedOnce ? ", renewed" : "") + "]";
    }
}
