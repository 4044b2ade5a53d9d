package io.github.t3chat4j.bootstrap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Run by the build ({@code build-launcher.sh}) under {@code -XX:ArchiveClassesAtExit} to train the
 * class-data archive on every path a run of the launcher takes: a warm process (started here, in this
 * JVM, in the throw-away home folder the build gives), a client whose run it serves, and a run served
 * in-process as when no warm process can serve it, each a {@code t3 --demo ask} on loopback. The archive
 * then holds the client's classes too, so that a warm run's JVM reads nothing from the jar.
 */
final class WarmTraining {

    private WarmTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int warm = trainWarm(System.getenv());
        int cold = Main.runHere(new String[] {"--demo", "ask", "Train the class-data archive"});
        if (cold != 0) {
            throw new IOException("the training run served in-process failed with " + cold);
        }
        if (warm != 0) {
            // The archive still serves runs in-process; a warm run's JVM then loads more from the jar.
            System.err.println("t3: the warm part of the training failed (" + warm + ")");
        }
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
