package io.github.t3chat4j.bootstrap;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a warm process in the background, detached from the run that starts it: its own session when
 * {@code setsid} is there (no terminal's Ctrl-C or hang-up reaches it), standard input from
 * {@code /dev/null}, output to its log, an empty working folder of its own, and only the variables that set
 * the JVM's locale and time zone (so no run's credentials live in its environment). One start at a time:
 * the {@linkplain WarmPlace#starting() marker} keeps the runs that find no warm process in the same few
 * seconds from starting one each. Loads only JDK classes.
 */
final class WarmStarter {

    /** The class the warm process runs. */
    static final String SERVER_CLASS = "io.github.t3chat4j.bootstrap.WarmServer";
    /** After this long, a start that left its marker is taken to have failed, and may be tried again. */
    private static final long RETRY_MILLIS = 30_000;
    /** JVM options of a long-lived process, when the launcher gave none ({@code t3.warm.jvm}). */
    static final String DEFAULT_JVM_OPTIONS = "-XX:+UseSerialGC -XX:-UsePerfData";
    private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");

    private WarmStarter() {
    }

    /** Starts the warm process of {@code place} unless one is being started; returns at once. Never fails. */
    static void startInBackground(WarmPlace place, Map<String, String> env, long idleMillis) {
        startInBackground(place, env, idleMillis, System.getProperty("t3.warm.jvm", DEFAULT_JVM_OPTIONS));
    }

    /** Like {@link #startInBackground(WarmPlace, Map, long)}, with these JVM options. */
    static void startInBackground(WarmPlace place, Map<String, String> env, long idleMillis, String jvmOptions) {
        try {
            if (!place.prepare() || !claimStart(place)) {
                return;
            }
            Path cwd = place.workingFolder();
            try {
                Files.createDirectory(cwd, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException exists) {
                // Made by an earlier start.
            }
            try {
                Files.createFile(place.log(), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException exists) {
                // Appended to.
            }
            ProcessBuilder builder = new ProcessBuilder(command(place, env, idleMillis, jvmOptions))
                    .directory(cwd.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(place.log().toFile()))
                    .redirectErrorStream(true);
            Map<String, String> variables = builder.environment();
            variables.clear();
            env.forEach((name, value) -> {
                if (WarmRequest.shapesTheJvm(name)) {
                    variables.put(name, value);
                }
            });
            builder.start();
        } catch (IOException | RuntimeException e) {
            // No warm process this time: this run and the next are served as before.
        }
    }

    /** Marks a start as under way; false when another run did so in the last few seconds. */
    private static boolean claimStart(WarmPlace place) throws IOException {
        Path marker = place.starting();
        try {
            Files.createFile(marker);
            return true;
        } catch (FileAlreadyExistsException exists) {
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(marker).toMillis();
            if (age < RETRY_MILLIS) {
                return false;
            }
            Files.setLastModifiedTime(marker, FileTime.fromMillis(System.currentTimeMillis()));
            return true;
        }
    }

    /** The command line of the warm process: this JDK, the launcher's JVM options and {@code T3_JAVA_OPTS}, this jar. */
    static List<String> command(WarmPlace place, Map<String, String> env, long idleMillis, String jvmOptions) {
        List<String> command = new ArrayList<>();
        for (String setsid : SETSID) {
            if (Files.isExecutable(Path.of(setsid))) {
                command.add(setsid);
                break;
            }
        }
        command.add(Path.of(place.javaHome(), "bin", "java").toString());
        command.addAll(words(jvmOptions));
        command.addAll(words(env.getOrDefault("T3_JAVA_OPTS", "")));
        command.add("-cp");
        command.add(place.jar().toString());
        command.add(SERVER_CLASS);
        command.add(place.folder().toString());
        command.add(Long.toString(idleMillis));
        return command;
    }

    /** {@code text} split on white space, as the launcher's shell splits {@code T3_JAVA_OPTS}. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
