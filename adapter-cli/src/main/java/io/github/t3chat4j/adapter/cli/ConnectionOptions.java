package io.github.t3chat4j.adapter.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options of how a run reaches t3.chat (address, transport, programs, proxy, deadlines, reply size):
 * a picocli mixin of the commands that connect, and of {@code t3} itself (whose chat connects and which
 * takes them before a command's name, {@code t3 --transport curl ask hi}). Commands that never connect
 * carry none, so they neither show nor accept them, and {@link Cli} refuses them given before such a
 * command's name. {@link T3Command#settings} reads every instance of a run, the command's own winning
 * over those given before its name.
 */
final class ConnectionOptions {

    /** The options, in a section of their own in each command's help. */
    @ArgGroup(validate = false, heading = "%nConnection (flags over T3_* settings; also before the command's name):%n",
            order = 1000)
    Flags flags = new Flags();

    /** The options as settings for {@link ConfigResolver#resolve}, only those given. */
    Map<String, String> given() {
        return flags == null ? Map.of() : flags.given();
    }

    static final class Flags {

        @Option(names = "--base-url", paramLabel = "URL", order = 1,
                description = "Where t3.chat is, such as " + TrustBoundary.DEFAULT_BASE_URL + " (the default; env"
                        + " T3_BASE_URL).")
        String baseUrl;

        @Option(names = "--transport", paramLabel = "java|curl|browser", order = 2,
                description = "What sends the requests, and only that: java (the JVM's client, HTTP/2 where offered),"
                        + " curl, or browser (a headless Chrome or Chromium of yours, which passes t3.chat's bot"
                        + " checkpoint) (env T3_TRANSPORT). Without it, t3 starts with java and falls back past the"
                        + " checkpoint to curl-impersonate, then the browser, remembering what got through.")
        String transport;

        @Option(names = "--browser", paramLabel = "NAME|PATH", order = 3,
                description = "The browser of the browser transport: chrome, chromium, edge, brave or its program"
                        + " (env T3_BROWSER, default the first installed).")
        String browser;

        @Option(names = "--curl", paramLabel = "PATH", order = 4,
                description = "The curl to run with --transport curl, such as a curl-impersonate wrapper"
                        + " (env T3_CURL, default curl on the PATH).")
        String curl;

        @Option(names = "--proxy", paramLabel = "URL", order = 5,
                description = "Send every request through this proxy: none, or http://[user:password@]host:port"
                        + " (env T3_PROXY; else HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY).")
        String proxy;

        @Option(names = "--connect-timeout", paramLabel = "DURATION", order = 6,
                description = "Give up connecting after this long, such as 10s (T3_CONNECT_TIMEOUT, default 10s).")
        String connectTimeout;

        @Option(names = "--first-byte-timeout", paramLabel = "DURATION", order = 7,
                description = "Give up when the answer has not begun after this long (T3_FIRST_BYTE_TIMEOUT,"
                        + " default 60s).")
        String firstByteTimeout;

        @Option(names = "--idle-timeout", paramLabel = "DURATION", order = 8,
                description = "End a reply that sends nothing new for this long; keep-alives do not count"
                        + " (T3_IDLE_TIMEOUT, default 60s).")
        String idleTimeout;

        @Option(names = "--timeout", paramLabel = "DURATION", order = 9,
                description = "End a reply that takes longer than this in all (T3_TIMEOUT, default 15m).")
        String timeout;

        @Option(names = "--max-reply-size", paramLabel = "SIZE", order = 10,
                description = "End a reply larger than this, keeping what came (T3_MAX_REPLY_SIZE, default 64MiB).")
        String maxReplySize;

        Map<String, String> given() {
            Map<String, String> flags = new HashMap<>();
            put(flags, Settings.BASE_URL, baseUrl);
            put(flags, Settings.TRANSPORT, transport);
            put(flags, Settings.BROWSER, browser);
            put(flags, Settings.CURL, curl);
            put(flags, Settings.PROXY, proxy);
            put(flags, Settings.CONNECT_TIMEOUT, connectTimeout);
            put(flags, Settings.FIRST_BYTE_TIMEOUT, firstByteTimeout);
            put(flags, Settings.IDLE_TIMEOUT, idleTimeout);
            put(flags, Settings.TIMEOUT, timeout);
            put(flags, Settings.MAX_REPLY_SIZE, maxReplySize);
            return flags;
        }

        private static void put(Map<String, String> flags, String key, String value) {
            if (value != null) {
                flags.put(key, value);
            }
        }
    }
}
