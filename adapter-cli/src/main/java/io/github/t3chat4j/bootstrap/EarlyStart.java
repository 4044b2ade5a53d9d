package io.github.t3chat4j.bootstrap;

import com.google.inject.Guice;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.ApplicationModule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Start-up work a command that talks to t3.chat will need, done on a daemon thread while the main thread
 * parses the command line and reads the settings: Guice's own start-up, the HTTP client's and Jackson's
 * (through a throw-away set of HTTP adapters, which does no I/O), and the JDK's TLS set-up when the site
 * is reached over https. It only warms what the command builds anyway; nothing it makes is used, and a
 * command that talks to nobody ({@code --version}, {@code --help}, {@code conversations}, {@code config},
 * the demo's TLS) starts none of it.
 */
final class EarlyStart {

    private static final Set<String> CONNECTING = Set.of("ask", "chat", "image", "credits", "models", "login");
    private static final Set<String> NOT_RUNNING = Set.of("--help", "-h", "--version", "-V");

    private EarlyStart() {
    }

    /** Starts the work when {@code args} name a command that connects; returns at once. */
    static void forArguments(List<String> args, Map<String, String> env) {
        if (!connects(args)) {
            return;
        }
        boolean tls = !args.contains("--demo") && !plainHttp(args, env);
        Thread thread = new Thread(() -> warm(tls), "t3-early-start");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Whether these arguments may run a command that talks to t3.chat, judged by its name before parsing
     * (a prompt word that happens to be a command's name only costs a wasted head start).
     */
    static boolean connects(List<String> args) {
        if (args.stream().anyMatch(NOT_RUNNING::contains)) {
            return false;
        }
        return args.stream().anyMatch(CONNECTING::contains);
    }

    private static boolean plainHttp(List<String> args, Map<String, String> env) {
        int flag = args.indexOf("--base-url");
        String url = flag >= 0 && flag + 1 < args.size() ? args.get(flag + 1) : env.getOrDefault("T3_BASE_URL", "");
        return url.startsWith("http://");
    }

    static void warm(boolean tls) {
        try {
            Guice.createInjector(new ApplicationModule());
            HttpAdapters.create(HttpConfig.defaults(), Map.of()).close();
            if (tls) {
                SSLContext.getDefault();
            }
        } catch (RuntimeException | LinkageError | java.security.GeneralSecurityException ignored) {
            // Only a head start: the command does the same work itself and reports what fails.
        }
    }
}
