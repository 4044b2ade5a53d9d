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
final class InProcessT3 {

    private final Path home;
    private final Map<String, String> env;
    private Path workingDir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs with only {@code HOME} set. */
    InProcessT3(Path home) {
        this(home, Map.of());
    }

    private InProcessT3(Path home, Map<String, String> env) {
        this.home = home;
        Map<String, String> withHome = new HashMap<>(env);
        withHome.put("HOME", home.toString());
        this.env = Map.copyOf(withHome);
        this.workingDir = home;
    }

    /** Runs in {@code folder} from now on (where a {@code .env} is read), instead of the home folder. */
    InProcessT3 in(Path folder) {
        this.workingDir = folder;
        return this;
    }

    /** Runs signed in to {@code server} with the given {@code wos-session} value. */
    static InProcessT3 signedIn(Path home, FakeT3Server server, String wosSession) {
        return signedIn(home, server.baseUrl(), wosSession);
    }

    /** Runs signed in to the server at {@code baseUrl} with the given {@code wos-session} value. */
    static InProcessT3 signedIn(Path home, java.net.URI baseUrl, String wosSession) {
        return new InProcessT3(home, Map.of(
                "COOKIES", "wos-session=" + wosSession + "; convex-session-id=cvx",
                "T3_BASE_URL", baseUrl.toString()));
    }

    /** {@code t3 args}, its input empty and a terminal. */
    int run(String... args) {
        return run(Map.of(), args);
    }

    /** {@code t3 args} with more environment variables. */
    int run(Map<String, String> extraEnv, String... args) {
        return run(extraEnv, "", true, false, CompositionRoot::new, args);
    }

    /** {@code t3 args} printing to a terminal (as {@code Terminals} would find it), its input empty. */
    int runOnTerminal(String... args) {
        return run(Map.of(), "", true, true, CompositionRoot::new, args);
    }

    /** {@code t3 args} reading {@code stdin} from a pipe. */
    int runPiped(String stdin, String... args) {
        return run(Map.of(), stdin, false, false, CompositionRoot::new, args);
    }

    /** {@code t3 args} with services of the test's making. */
    int runWith(Services.Provider services, String... args) {
        return run(Map.of(), "", true, false, errWriter -> services, args);
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

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
