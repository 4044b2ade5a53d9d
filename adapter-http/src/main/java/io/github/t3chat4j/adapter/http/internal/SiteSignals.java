package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.session.Session;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What t3.chat's own web client sends beside the protocol's fields (PROTOCOL.md section 9), for the
 * requests to its app: {@code x-client-context}, {@code x-deployment-id} (the deployment the session's
 * {@code __vdpl} cookie pins, unless one is given), fresh {@code b3} and {@code traceparent} ids on every
 * request, and a chat's {@code hcaptchaToken}. {@link #toString()} shows none of the values.
 *
 * @param clientContext the {@code x-client-context} value; empty to send none
 * @param deploymentId the {@code x-deployment-id} value; empty to send the {@code __vdpl} cookie's
 * @param hcaptchaToken the chat body's {@code hcaptchaToken}
 * @param traceHeaders whether to send {@code b3} and {@code traceparent}
 */
public record SiteSignals(String clientContext, Optional<String> deploymentId, String hcaptchaToken,
        boolean traceHeaders) {

    /** The cookie that pins a Vercel deployment. */
    static final String DEPLOYMENT_COOKIE = "__vdpl";

    /** Nothing beside the protocol's fields. */
    public static final SiteSignals NONE = new SiteSignals("", Optional.empty(), "", false);

    public SiteSignals {
        requireNonNull(clientContext, "clientContext == null");
        requireNonNull(deploymentId, "deploymentId == null");
        requireNonNull(hcaptchaToken, "hcaptchaToken == null");
    }

    /** Adds the headers of a request to the app made with {@code session}. */
    HttpCall.Builder addTo(HttpCall.Builder call, Session session) {
        if (!clientContext.isEmpty()) {
            call.header("x-client-context", clientContext);
        }
        deploymentId.or(() -> session.cookies().get(DEPLOYMENT_COOKIE).filter(v -> !v.isBlank()))
                .ifPresent(id -> call.header("x-deployment-id", id));
        if (traceHeaders) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String trace = hex(random, 16);
            String span = hex(random, 8);
            call.header("traceparent", "00-" + trace + "-" + span + "-01");
            call.header("b3", trace + "-" + span + "-1");
        }
        return call;
    }

    private static String hex(ThreadLocalRandom random, int bytes) {
        byte[] id = new byte[bytes];
        do {
            random.nextBytes(id);
        } while (isZero(id));
        return HexFormat.of().formatHex(id);
    }

    private static boolean isZero(byte[] id) {
        for (byte b : id) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SiteSignals[clientContext " + (clientContext.isEmpty() ? "none" : "set") + ", deploymentId "
                + (deploymentId.isPresent() ? "set" : "from the cookie") + ", hcaptchaToken "
                + (hcaptchaToken.isEmpty() ? "none" : "set") + ", traceHeaders " + traceHeaders + "]";
    }
}
