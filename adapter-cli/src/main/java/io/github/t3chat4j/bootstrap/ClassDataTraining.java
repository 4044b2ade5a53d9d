package io.github.t3chat4j.bootstrap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The runs the class-data archive ({@code t3.jsa}, and on JDK 24 and later the AOT cache) is trained on
 * when the jar is built ({@code src/main/launcher}), in one JVM, against the bundled fake server on
 * 127.0.0.1: a {@code t3 --demo ask} served by a warm process (started here, in this JVM) to a client,
 * one served in-process as when no warm process can serve it, then {@code t3 --demo conversations search}
 * over what they saved. So a warm run's JVM reads nothing from the jar, and a send and a search run in a
 * JVM of their own (or the warm process itself) find their classes in the archive. Files go where the
 * XDG variables say (the build points them at a throw-away folder). Not a command of {@code t3}.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws InterruptedException {
        int warm = trainWarm(System.getenv());
        int ask = Main.runProcess("--demo", "ask", "Train the class-data archive");
        int search = Main.runProcess("--demo", "conversations", "search", "train archive");
        if (warm != 0) {
            // The archive still serves runs in-process; a warm run's JVM then loads more from the jar.
            System.err.println("t3: the warm part of the training failed (" + warm + ")");
        }
        System.exit(ask != 0 ? ask : search);
    }

    /** A warm process in this JVM and a run of a client it serves; the client's exit code, or -1. */
    private static int trainWarm(Map<String, String> env) throws InterruptedException {
        Optional<Path> jar = WarmClient.ownJar();
        Optional<WarmPlace> place = jar.flatMap(j -> WarmPlace.of(env, System.getProperty("java.home"), j));
        if (place.isEmpty() || !place.get().prepare()) {
            return -1;
        }
        Optional<WarmServer> server;
        try {
            server = WarmServer.open(place.get().folder(), 60_000);
        } catch (IOException e) {
            return -1;
        }
        if (server.isEmpty()) {
            return -1;
        }
        Thread serving = new Thread(server.get()::serve, "t3-warm-training");
        serving.start();
        try {
            return Launcher.run(new String[] {"--demo", "ask", "Train the warm client"});
        } finally {
            server.get().stop("trained");
            serving.join();
        }
    }
}
