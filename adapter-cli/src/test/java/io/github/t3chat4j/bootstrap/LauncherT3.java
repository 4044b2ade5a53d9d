package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code t3} run as a user runs it: the packaged launcher {@code target/t3}, a process of its own in
 * {@code home}, with only the environment the test gives (plus {@code PATH}, {@code LANG} and
 * {@code JAVA_HOME}, which the launcher needs). Cold: {@code T3_DAEMON=off}. Warm: a warm process is started
 * for the runner's home folder before its first run ({@code t3 daemon start}, as a user would), every run
 * goes to it, and {@link #close()} stops it and checks that it served every run the launcher hands over.
 * Its runtime folder is a short private temporary folder of its own, so no warm process is shared with
 * another test, or outlives this one.
 */
final class LauncherT3 implements T3Runner {

    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path LAUNCHER = TARGET.resolve("t3");
    static final Path JAR = TARGET.resolve("t3.jar");

    private Path workingDir;
    private final Map<String, String> env;
    private final boolean warm;
    private final Path runtime;
    private final Path launcher;
    private int handedOver;
    private boolean started;
    private boolean stopExpected;
    private int processes;
    private String out = "";
    private String err = "";
    private final Map<Process, Path[]> outputs = new java.util.concurrent.ConcurrentHashMap<>();

    LauncherT3(Path home, Map<String, String> env, boolean warm) {
        this(LAUNCHER, home, env, warm);
    }

    /** With the launcher at {@code launcher} (a copy of the build, for tests that replace its jar). */
    LauncherT3(Path launcher, Path home, Map<String, String> env, boolean warm) {
        assertThat(launcher).as("the packaged launcher (mvn package)").exists();
        this.launcher = launcher;
        this.workingDir = home;
        this.warm = warm;
        try {
            this.runtime = Files.createTempDirectory("t3rt", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> base = new HashMap<>();
        base.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        base.put("LANG", System.getenv().getOrDefault("LANG", "C.UTF-8"));
        base.put("JAVA_HOME", System.getProperty("java.home"));
        base.put("HOME", home.toString());
        base.put("XDG_RUNTIME_DIR", runtime.toString());
        base.putAll(env);
        base.put("T3_DAEMON", warm ? "on" : "off");
        this.env = Map.copyOf(base);
    }

    @Override
    public LauncherT3 in(Path folder) {
        this.workingDir = folder;
        return this;
    }

    /** The result of one run. */
    record Result(int code, String out, String err) {
    }

    @Override
    public int run(Map<String, String> extraEnv, String... args) {
        return launch(extraEnv, "", args).code();
    }

    @Override
    public int runPiped(String stdin, String... args) {
        return launch(Map.of(), stdin, args).code();
    }

    @Override
    public int runWith(Services.Provider services, String... args) {
        Assumptions.abort("services of the test's making exist in-process only");
        return -1;
    }

    @Override
    public int runOnTerminal(String... args) {
        Assumptions.abort("a terminal on standard output: in-process here, through tmux in ChatInTerminalIT");
        return -1;
    }

    @Override
    public String out() {
        return out;
    }

    @Override
    public String err() {
        return err;
    }

    /** The environment every run gets. */
    Map<String, String> env() {
        return env;
    }

    /** Runs {@code t3 args} with {@code stdin} on a pipe and more environment; waits for its end. */
    Result launch(Map<String, String> extraEnv, String stdin, String... args) {
        return finish(start(extraEnv, stdin, runtime.resolve("out"), runtime.resolve("err"), args));
    }

    /** Starts {@code t3 args}, its input empty; its output goes to files that {@link #finish(Process)} reads. */
    Process start(Map<String, String> extraEnv, String... args) {
        return start(extraEnv, "", runtime.resolve("out"), runtime.resolve("err"), args);
    }

    /** Like {@link #start}, for runs at the same time: each has output files of its own. */
    Process startSeparately(Map<String, String> extraEnv, String... args) {
        int n = ++processes;
        return start(extraEnv, "", runtime.resolve("out-" + n), runtime.resolve("err-" + n), args);
    }

    private Process start(Map<String, String> extraEnv, String stdin, Path outFile, Path errFile, String... args) {
        ensureWarm(extraEnv);
        if (warm && WarmClient.warmCommand(args, false)) {
            handedOver++;
        }
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        try {
            Process process = builder.start();
            outputs.put(process, new Path[] {outFile, errFile});
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // t3 did not read its input: what it prints tells why.
                }
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code process} (started by {@link #start}) and reads what it printed. */
    Result finish(Process process) {
        Result result = finishSeparately(process);
        out = result.out();
        err = result.err();
        return result;
    }

    /** Waits for {@code process} and reads what it printed, leaving {@link #out()} and {@link #err()} alone. */
    Result finishSeparately(Process process) {
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("t3 ended within two minutes").isTrue();
            Path[] files = outputs.remove(process);
            return new Result(process.exitValue(), Files.readString(files[0], StandardCharsets.UTF_8),
                    Files.readString(files[1], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Waits until the standard output of the run started last by {@link #start} holds {@code text}. */
    void awaitOutput(String text, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Path file = runtime.resolve("out");
        while (!(Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text))) {
            assertThat(System.currentTimeMillis()).as("'" + text + "' on standard output in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The warm process's status, once one is running for this runner (a run started it). */
    String awaitRunning(long timeoutMillis) throws InterruptedException {
        started = true;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            Optional<String> status = control().status();
            if (status.isPresent()) {
                return status.get();
            }
            assertThat(System.currentTimeMillis()).as("a warm process started in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The warm process's status once no thread of a run is left in it. */
    String awaitIdleThreads(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            String status = control().status().orElseThrow();
            if (status.contains("run threads: 0\n")) {
                return status;
            }
            assertThat(System.currentTimeMillis()).as("the runs' threads ended: " + status).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** No warm process is started before the first run: the test lets the runs start one. */
    void skipStart() {
        started = true;
    }

    /** The test expects the warm process to have stopped by itself by the end. */
    void expectStopped() {
        stopExpected = true;
    }

    /** The test knows how many runs the warm process served (some of its runs were cold on purpose). */
    void expectHandedOver(int runs) {
        handedOver = runs;
    }

    /** Where this runner's warm process lives. */
    WarmPlace place() {
        return WarmPlace.of(env, System.getProperty("java.home"), jarOf(launcher)).orElseThrow();
    }

    /**
     * Before the first run of a warm runner: starts its warm process (as {@code t3 daemon start} does, from
     * this JVM, with the launcher's class-data archive) and waits until it answers.
     */
    private void ensureWarm(Map<String, String> extraEnv) {
        if (!warm || started) {
            return;
        }
        started = true;
        Map<String, String> startEnv = new HashMap<>(env);
        startEnv.putAll(extraEnv);
        new WarmControl(startEnv, Optional.of(jarOf(launcher)), System.getProperty("java.home"), warmJvmOptions())
                .start();
    }

    /** The options the launcher gives a warm process: a long-lived process's, and the archive built with the jar. */
    private String warmJvmOptions() {
        String options = WarmStarter.DEFAULT_JVM_OPTIONS + " -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
                + " -D" + WarmServer.NO_WARM_UP + "=true";
        Path archive = launcher.resolveSibling("t3.jsa");
        return Files.exists(archive) ? options + " -XX:SharedArchiveFile=" + archive : options;
    }

    /** The warm process of this runner, as {@code t3 daemon} sees it. */
    WarmControl control() {
        return new WarmControl(env, Optional.of(jarOf(launcher)), System.getProperty("java.home"), warmJvmOptions());
    }

    private static Path jarOf(Path launcher) {
        try {
            return launcher.resolveSibling("t3.jar").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many runs the launcher handed (or should have handed) to the warm process. */
    int handedOver() {
        return handedOver;
    }

    @Override
    public void close() {
        try {
            if (warm && started && stopExpected) {
                assertThat(control().status()).as("the warm process stopped by itself").isEmpty();
            } else if (warm && started) {
                Optional<String> status = control().stop();
                if (handedOver == 0 && status.isEmpty()) {
                    return;
                }
                assertThat(status).as("the warm process was still running at the end of the test").isPresent();
                assertThat(status.get()).as("every run went to the warm process")
                        .contains("runs served: " + handedOver + "\n");
                WarmControl.pid(status.get()).flatMap(ProcessHandle::of)
                        .ifPresent(process -> assertThat(process.isAlive()).as("the warm process exited").isFalse());
            }
        } finally {
            deleteQuietly(runtime);
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind.
        }
    }
}
