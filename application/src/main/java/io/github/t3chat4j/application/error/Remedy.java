package io.github.t3chat4j.application.error;

/**
 * What to change so that a failure does not happen again, as the API names it: a setting, fresh
 * credentials, another model id. {@link T3ChatException#remedy()} gives it, and its {@link #advice()}
 * ends the exception's message; a program with its own words for these (the {@code t3} command names its
 * flags and {@code t3 login}) phrases them itself from the value, with
 * {@link T3ChatException#detail()} for what happened.
 */
public enum Remedy {

    /** The session is over: sign in again and pass the fresh credentials. */
    NEW_CREDENTIALS("Sign in to t3.chat in your browser and pass its fresh cookie string (and convex session id):"
            + " T3Client.Builder.cookies and convexSessionId, or COOKIES and CONVEX_SESSION_ID for"
            + " T3Client.fromEnv."),

    /** The credentials given cannot be used as they are. */
    CREDENTIALS("Pass the whole cookie string of a signed-in browser (T3Client.Builder.cookies, or COOKIES for"
            + " T3Client.fromEnv) and the convex session id (convexSessionId, CONVEX_SESSION_ID) unless the cookie"
            + " string holds the convex-session-id cookie."),

    /** t3.chat's edge checkpoint turned the request away: another transport may get through. */
    BROWSER_CHECK("Send through a transport the checkpoint lets by: a real browser (HttpConfig transport BROWSER,"
            + " with Chrome or Chromium installed) or a browser-imitating curl (HttpConfig transport CURL with curl"
            + " naming a curl-impersonate build), or let the adapters try them in turn (HttpConfig withFallback);"
            + " if even a browser is turned away, open t3.chat in your own browser, pass the check and send one"
            + " message there, then pass its fresh cookies."),

    /** t3.chat wants the session confirmed by a person (a captcha) in the browser. */
    CONFIRM_SESSION("Open https://t3.chat in your browser, send one message there (and solve the captcha if it"
            + " asks), then pass its fresh cookie string (T3Client.Builder.cookies, or COOKIES for"
            + " T3Client.fromEnv)."),

    /** The model at this reasoning effort needs the user's own provider key. */
    OWN_KEY("Add your provider key in t3.chat's settings, send at a lower effort (ChatSettings"
            + " withReasoningEffort(LOW)) or to another model, or let the client ask once more at low effort by"
            + " itself (T3Client.Builder.lowerEffortWhenKeyRequired)."),

    /** No connection within the connect timeout. */
    CONNECT_TIMEOUT("Check your network connection, any proxy (HttpConfig proxy) and the base URL (HttpConfig"
            + " baseUrl); a slow network may need a longer connect timeout (HttpConfig connectTimeout)."),

    /** The answer did not begin within the first-byte timeout. */
    FIRST_BYTE_TIMEOUT("Check your network connection, or allow longer for the answer to begin (HttpConfig"
            + " firstByteTimeout)."),

    /** A reply went longer than the idle timeout without an event. */
    IDLE_TIMEOUT("Allow longer between two events of a reply (HttpConfig idleTimeout)."),

    /** A whole reply took longer than its deadline. */
    TOTAL_TIMEOUT("Allow a reply longer in all (ChatOptions.withTimeout for one send, HttpConfig totalTimeout for"
            + " every send)."),

    /** A reply was larger than allowed. */
    MAX_REPLY_SIZE("The limit on a reply's size is HttpConfig maxReplyBytes."),

    /** The curl program is missing, not curl, or too old. */
    CURL_PROGRAM("Install curl 7.54.0 or newer (Debian/Ubuntu: apt install curl; Fedora: dnf install curl; macOS:"
            + " brew install curl), or name one (HttpConfig curl, T3_CURL for T3Client.fromEnv)."),

    /** The model id is not in the catalogue. */
    MODEL_ID("AccountClient.models lists the models."),

    /** The gateway's API key is too short to listen beyond this machine. */
    GATEWAY_KEY("Use a key of at least 24 characters (GatewayConfig apiKey), or listen on loopback only."),

    /** The gateway's address cannot be listened on. */
    GATEWAY_PORT("Pick another port (GatewayConfig port), or stop what uses this one."),

    /** This browser's profile cannot be read here; another way in is needed. */
    OTHER_BROWSER("Read the session from a Firefox profile instead, or pass the cookie string yourself"
            + " (T3Client.Builder.cookies).");

    private final String advice;

    Remedy(String advice) {
        this.advice = advice;
    }

    /** @return one or two sentences saying what to change, naming the API's settings */
    public String advice() {
        return advice;
    }
}
