package io.github.t3chat4j.bootstrap;

/**
 * The main class the launcher script {@code t3} runs: hands the run to the user's warm process when it may
 * go there and one is running ({@link WarmClient}); otherwise runs it in this JVM, exactly as {@link Main}
 * does (and, for a command that could have gone warm, starts a warm process in the background for the
 * next run). Until it falls back to {@link Main}, it loads only JDK classes and t3's few client classes, so
 * a warm run costs this JVM little more than a hello world.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code t3 args}, warm or here; returns the exit code. */
    static int run(String[] args) {
        int code = WarmClient.serve(args, System.getenv());
        return code != WarmClient.NOT_SERVED ? code : Main.runProcess(args);
    }
}
