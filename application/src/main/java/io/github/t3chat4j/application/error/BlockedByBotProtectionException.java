package io.github.t3chat4j.application.error;

import java.util.List;

/**
 * t3.chat's edge checkpoint (Vercel's Security Checkpoint, or a challenge page) turned the request away
 * before the app saw it, judging the client's TLS and HTTP fingerprint: not a rate limit, and neither
 * waiting nor a refreshed session helps; another transport may. The detail names the checkpoint and the
 * transports tried; {@link #untried()} says which others this machine has.
 */
public class BlockedByBotProtectionException extends T3ChatException {

    private final int status;
    private final String sign;
    private final List<String> tried;
    private final List<String> untried;

    /**
     * @param status the HTTP status of the answer (429 for Vercel's checkpoint, 403 for a challenge page)
     * @param sign what gave the checkpoint away, such as {@code x-vercel-mitigated: challenge}
     * @param tried the transports that met it, in order ({@code java}, {@code curl_chrome131}, {@code browser});
     *     one that could not run at all says why in parentheses ({@code browser (could not run: …)})
     * @param untried transports on this machine that were not tried (a pinned transport tries only itself)
     */
    public BlockedByBotProtectionException(int status, String sign, List<String> tried, List<String> untried) {
        super(detail(status, sign, tried), Remedy.BROWSER_CHECK);
        this.status = status;
        this.sign = sign;
        this.tried = List.copyOf(tried);
        this.untried = List.copyOf(untried);
    }

    /**
     * A challenge page answered with {@code status}, nothing else known.
     *
     * @param status the HTTP status the challenge page came with
     */
    public BlockedByBotProtectionException(int status) {
        this(status, "a challenge page", List.of(), List.of());
    }

    /** @return the HTTP status of the answer */
    public int status() {
        return status;
    }

    /** @return what gave the checkpoint away, such as {@code x-vercel-mitigated: challenge} */
    public String sign() {
        return sign;
    }

    /** @return the transports that were turned away, in the order tried */
    public List<String> tried() {
        return tried;
    }

    /** @return transports on this machine that were not tried, the likeliest to get through first */
    public List<String> untried() {
        return untried;
    }

    private static String detail(int status, String sign, List<String> tried) {
        return "t3.chat's bot checkpoint turned the request away (HTTP " + status + ", " + sign + ")"
                + (tried.isEmpty() ? "" : "; tried: " + String.join(", ", tried)) + ". It judges the client, not"
                + " the account: waiting will not help.";
    }
}
