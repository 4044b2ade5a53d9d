package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.cli.CliException;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.adapter.cli.WarmProcess;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code t3 daemon} over the warm process's socket: asks it for its status, to stop, or starts one (as a
 * run that finds none does) and waits until it answers. For the warm process of a run with {@code env},
 * this JDK and the jar this JVM runs from (or one given, for tests).
 */
final class WarmControl implements WarmProcess {

    private static final long START_WAIT_MILLIS = 30_000;
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Map<String, String> env;
    private final Optional<Path> jar;
    private final String javaHome;
    private final String jvmOptions;

    WarmControl(Map<String, String> env) {
        this(env, WarmClient.ownJar(), System.getProperty("java.home"),
                System.getProperty("t3.warm.jvm", WarmStarter.DEFAULT_JVM_OPTIONS));
    }

    /** For the warm process of {@code jar} on the JDK at {@code javaHome}, started with {@code jvmOptions}. */
    WarmControl(Map<String, String> env, Optional<Path> jar, String javaHome, String jvmOptions) {
        this.env = Map.copyOf(env);
        this.jar = jar;
        this.javaHome = javaHome;
        this.jvmOptions = jvmOptions;
    }

    @Override
    public boolean enabled() {
        return WarmClient.enabled(env);
    }

    @Override
    public Optional<String> status() {
        return ask(WarmRequest.STATUS);
    }

    @Override
    public String start() {
        WarmPlace place = place();
        Optional<String> running = status();
        if (running.isPresent()) {
            return running.get();
        }
        WarmStarter.startInBackground(place, env, WarmClient.idleMillis(env), jvmOptions);
        long deadline = System.currentTimeMillis() + START_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<String> status = status();
            if (status.isPresent()) {
                return status.get();
            }
            sleep(50);
        }
        throw new CliException("the warm process did not start within " + START_WAIT_MILLIS / 1000 + " s; its log is "
                + place.log() + ".", ExitCode.INTERNAL);
    }

    @Override
    public Optional<String> stop() {
        Optional<String> status = ask(WarmRequest.STOP);
        status.flatMap(WarmControl::pid).flatMap(ProcessHandle::of).ifPresent(process -> {
            long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
            while (process.isAlive() && System.currentTimeMillis() < deadline) {
                sleep(20);
            }
        });
        return status;
    }

    /** The {@code pid: N} line of a status. */
    static Optional<Long> pid(String status) {
        return status.lines().filter(line -> line.startsWith("pid: ")).findFirst()
                .map(line -> Long.parseLong(line.substring("pid: ".length()).strip()));
    }

    private Optional<String> ask(String kind) {
        SocketChannel channel = WarmClient.connect(place());
        if (channel == null) {
            return Optional.empty();
        }
        try (channel) {
            OutputStream out = WarmFrames.output(channel);
            WarmFrames.write(out, WarmFrames.REQUEST, WarmRequest.control(build(), kind).encode());
            WarmFrames.Frame reply = WarmFrames.read(new BufferedInputStream(WarmFrames.input(channel)));
            return reply != null && reply.type() == WarmFrames.ACCEPTED ? Optional.of(reply.text()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private WarmPlace place() {
        Path path = jar.orElseThrow(() -> new CliException("the warm process needs t3 run from its jar (the launcher"
                + " t3, or java -jar t3.jar).", ExitCode.USAGE));
        return WarmPlace.of(env, javaHome, path).orElseThrow(() -> new CliException("there is no folder for a warm"
                + " process: set HOME (or XDG_RUNTIME_DIR) to an absolute path.", ExitCode.USAGE));
    }

    private String build() {
        try {
            return WarmPlace.build(jar.orElseThrow());
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
