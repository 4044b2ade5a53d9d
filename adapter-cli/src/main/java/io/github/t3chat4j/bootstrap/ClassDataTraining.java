package io.github.t3chat4j.bootstrap;

/**
 * The run the class-data archive ({@code t3.jsa}, and on JDK 24 and later the AOT cache) is trained on
 * when the jar is built ({@code src/main/launcher}): {@code t3 --demo ask} against the bundled fake
 * server on 127.0.0.1, then {@code t3 --demo conversations search} over the conversation it saved, in
 * one JVM, so that both a send and a search find their classes in the archive. Files go where the XDG
 * variables say (the build points them at a throw-away folder). Not a command of {@code t3}.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    public static void main(String[] args) {
        int ask = Main.runProcess("--demo", "ask", "Train the class-data archive");
        int search = Main.runProcess("--demo", "conversations", "search", "train archive");
        System.exit(ask != 0 ? ask : search);
    }
}
