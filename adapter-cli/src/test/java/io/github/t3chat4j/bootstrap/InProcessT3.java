package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.cli.Services;
import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code t3} run in-process through the real composition root with {@code HOME} in a temporary folder;
 * each run starts with empty output, so {@link #out()} and {@link #err()} tell what the last run printed.
 */
final class InProcessT3 implements T3Runner {

    private final Map<String, String> env;
    private Path workingDir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs with only {@code HOME} set. */
    InProcessT3(Path home) {
        this(home, Map.of());
    }

    InProcessT3(Path home, Map<String, String> env) {
        Map<String, String> withHome = new HashMap<>(env);
        withHome.put("HOME", home.toString());
        this.env = Map.copyOf(withHome);
        this.workingDir = home;
    }

    @Override
    public InProcessT3 in(Path folder) {
        this.workingDir = folder;
        return this;
    }

    /** Runs signed in to {@code server} with the given {@code wos-session} value. */
    static InProcessT3 signedIn(Path home, FakeT3Server server, String wosSession) {
        return new InProcessT3(home, signedInEnv(server.baseUrl(), wosSession));
    }

    /** Runs signed in to the server at {@code baseUrl} with the given {@code wos-session} value. */
    static InProcessT3 signedIn(Path home, java.net.URI baseUrl, String wosSession) {
        return new InProcessT3(home, signedInEnv(baseUrl, wosSession));
    }

    /** The environment of a run signed in to {@code server} with the given {@code wos-session} value. */
    static Map<String, String> signedInEnv(FakeT3Server server, String wosSession) {
        return signedInEnv(server.baseUrl(), wosSession);
    }

    /** The environment of a run signed in to the server at {@code baseUrl}. */
    static Map<String, String> signedInEnv(java.net.URI baseUrl, String wosSession) {
        return Map.of("COOKIES", "wos-session=" + wosSession + "; convex-session-id=cvx",
                "T3_BASE_URL", baseUrl.toString());
    }

    @Override
    public int run(Map<String, String> extraEnv, String... args) {
        return run(extraEnv, "", true, false, this::services, args);
    }

    @Override
    public int runOnTerminal(String... args) {
        return run(Map.of(), "", true, true, this::services, args);
    }

    @Override
    public int runPiped(String stdin, String... args) {
        return run(Map.of(), stdin, false, false, this::services, args);
    }

    @Override
    public int runWith(Services.Provider services, String... args) {
        return run(Map.of(), "", true, false, errWriter -> services, args);
    }

    @Override
    public void close() {
        // Nothing outlives a run in-process.
    }

    private CompositionRoot services(PrintWriter errWriter) {
        return new CompositionRoot(errWriter, workingDir, null);
    }

    private int run(Map<String, String> extraEnv, String stdin, boolean stdinIsTerminal, boolean stdoutIsTerminal,
            Function<PrintWriter, Services.Provider> services, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Map<String, String> runEnv = new HashMap<>(env);
        runEnv.putAll(extraEnv);
        PrintWriter errWriter = new PrintWriter(err, true);
        return Main.run(new CliContext(new PrintWriter(out, true), errWriter,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), runEnv, stdinIsTerminal,
                stdoutIsTerminal, false, services.apply(errWriter), workingDir), args);
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
