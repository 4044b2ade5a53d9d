package io.github.t3chat4j.adapter.cli;

/**
 * What a setting can do with the user's session, and so how far it is taken from a source the user did
 * not write: a {@code .env} in the working folder came with that folder, and may be anyone's. Every key
 * of {@link Settings#TRUST} has one; {@link TrustBoundary} applies the rule. Flags, the environment, the
 * config file and the {@code .env} of a folder the user trusts ({@code t3 config trust}) are the user's
 * word for every class but {@link #STORED_ONLY}.
 */
enum TrustClass {

    /** Harmless wherever it comes from (the model, the system prompt, rendering, deadlines): always used. */
    PREFERENCE,

    /**
     * The credentials themselves. A {@code .env}'s own credentials are used, and go where that folder says;
     * the cookie string and the convex session id are always taken from one source together.
     */
    CREDENTIAL,

    /**
     * Where requests go (the address, the proxy). From an untrusted {@code .env}, used only with that
     * {@code .env}'s own credentials (or none): never to send credentials it did not bring elsewhere.
     */
    DESTINATION,

    /** A browser to read the user's session from at every run: never from an untrusted {@code .env}. */
    BROWSER_SOURCE,

    /** What runs on the user's machine (the transport, the curl program): never from an untrusted {@code .env}. */
    PROGRAM,

    /**
     * The key of {@code t3 serve}, which lets its holder use the session behind the gateway: from an
     * untrusted {@code .env}, used only with that {@code .env}'s own credentials. At least
     * {@link TrustBoundary#MIN_GATEWAY_KEY_LENGTH} characters, wherever it comes from.
     */
    GATEWAY_KEY,

    /**
     * How the user's runs are served ({@code T3_DAEMON}, {@code T3_DAEMON_IDLE}): read by the launcher from the
     * environment and the config file before any run, so never from a {@code .env}, trusted or not; set
     * there, it is ignored with a warning.
     */
    USER_ONLY,

    /**
     * Written by {@code t3} itself into the config file ({@code t3 login}'s origin, {@code t3 config trust}'s
     * folders) and read from there alone; set anywhere else, it is ignored with a warning.
     */
    STORED_ONLY
}
