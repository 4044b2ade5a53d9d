package io.github.t3chat4j.application.error;

import java.util.List;

/**
 * t3.chat's edge checkpoint (Vercel's Security Checkpoint, or a challenge page) turned the request away
 * before the app saw it, judging the client's TLS and HTTP fingerprint: not a rate limit, and neither
 * waiting nor a refreshed session helps; another transport may. The message names the checkpoint, the
 * transports tried, and the way through.
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
        super(message(status, sign, tried, untried));
        this.status = status;
        this.sign = sign;
        this.tried = List.copyOf(tried);
        this.untried = List.copyOf(untried);
    }

    /** A challenge page answered with {@code status}, nothing else known. */
    public BlockedByBotProtectionException(int status) {
        this(status, "a challenge page", List.of(), List.of());
    }

    public int status() {
        return status;
    }

    /** What gave the checkpoint away. */
    public String sign() {
        return sign;
    }

    /** The transports that were turned away, in the order tried. */
    public List<String> tried() {
        return tried;
    }

    /** Transports on this machine that were not tried. */
    public List<String> untried() {
        return untried;
    }

    private static String message(int status, String sign, List<String> tried, List<String> untried) {
        String what = "t3.chat's bot checkpoint turned the request away (HTTP " + status + ", " + sign + ")"
                + (tried.isEmpty() ? "" : "; tried: " + String.join(", ", tried)) + ". It judges the client, not"
                + " the account: waiting will not help. ";
        if (!untried.isEmpty()) {
            return what + "Get through with " + hint(untried.get(0))
                    + (untried.size() > 1 ? " (or " + hint(untried.get(1)) + ")" : "")
                    + "; t3 doctor tries each transport.";
        }
        if (tried.contains("browser")) {
            return what + "Even a real browser was turned away: open https://t3.chat in your own browser, pass the"
                    + " check there and send one message, then sign in again with t3 login --from-browser.";
        }
        if (tried.stream().anyMatch(t -> t.startsWith("browser ("))) {
            return what + "The browser transport, which gets through, could not run (see why above); t3 --transport"
                    + " browser doctor shows more.";
        }
        return what + "Install Google Chrome or Chromium (t3 then gets through with it by itself), or put a"
                + " curl-impersonate build such as curl_chrome131 on the PATH; see docs/REACH.md.";
    }

    /** How a user picks a transport by its name. */
    static String hint(String transport) {
        if (transport.startsWith("curl_")) {
            return "--transport curl --curl " + transport;
        }
        return "--transport " + transport;
    }
}
