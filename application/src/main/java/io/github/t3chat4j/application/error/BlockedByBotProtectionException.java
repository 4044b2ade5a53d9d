package io.github.t3chat4j.application.error;

/**
 * The site's bot protection answered with a challenge page (a 403 with HTML) instead of the API. A
 * refresh does not help: the request looked unlike a browser.
 */
public class BlockedByBotProtectionException extends T3ChatException {

    /**
     * @param status the HTTP status the challenge page came with
     */
    public BlockedByBotProtectionException(int status) {
        super("t3.chat's bot protection blocked the request (HTTP " + status + " with a challenge page).",
                Remedy.BROWSER_CHECK);
    }
}
