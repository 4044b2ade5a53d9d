package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.cli.Backend;
import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code t3} run in-process through the real composition root with {@code HOME} in a temporary folder;
 * each run starts with empty output, so {@link #out()} and {@link #err()} tell what the last run printed.
 */
final class InProcessT3 implements T3Runner {

    private final Path home;
    private final Map<String, String> env;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs with only {@code HOME} set. */
    InProcessT3(Path home) {
        this(home, Map.of());
    }

    InProcessT3(Path home, Map<String, String> env) {
        this.home = home;
        Map<String, String> withHome = new HashMap<>(env);
        withHome.put("HOME", home.toString());
        this.env = Map.copyOf(withHome);
    }

    /** Runs signed in to {@code server} with the given {@code wos-session} value. */
    static InProcessT3 signedIn(Path home, FakeT3Server server, String wosSession) {
        return new InProcessT3(home, signedInEnv(server, wosSession));
    }

    /** The environment of a run signed in to {@code server} with the given {@code wos-session} value. */
    static Map<String, String> signedInEnv(FakeT3Server server, String wosSession) {
        return Map.of("COOKIES", "wos-session=" + wosSession + "; convex-session-id=cvx",
                "T3_BASE_URL", server.baseUrl().toString());
    }

    @Override
    public int run(Map<String, String> extraEnv, String... args) {
        return run(extraEnv, "", true, Backends::new, args);
    }

    @Override
    public int runPiped(String stdin, String... args) {
        return run(Map.of(), stdin, false, Backends::new, args);
    }

    @Override
    public int runWith(Backend.Provider backends, String... args) {
        return run(Map.of(), "", true, (env, errWriter) -> backends, args);
    }

    @Override
    public void close() {
        // Nothing outlives a run in-process.
    }

    private int run(Map<String, String> extraEnv, String stdin, boolean stdinIsTerminal,
            BiFunction<Map<String, String>, PrintWriter, Backend.Provider> backends, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> runEnv = new HashMap<>(env);
        runEnv.putAll(extraEnv);
        PrintWriter errWriter = new PrintWriter(err, true);
        return Main.run(new CliContext(new PrintWriter(out, true), errWriter,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), runEnv, stdinIsTerminal, false,
                false, backends.apply(runEnv, errWriter), home), args);
    }

    @Override
    public String out() {
        return out.toString();
    }

    @Override
    public String err() {
        return err.toString();
    }
}
