package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing of the search index is loaded by a command that does not search: {@code t3} runs in a JVM of
 * its own that logs every class it loads, and the log is read. A search loads it (so the check can fail).
 */
class SearchStartUpTest {

    private static final List<String> INDEX_CLASSES = List.of("org.sqlite.", "SqliteSearchIndex", "SearchIndexAdapter",
            "SearchDocuments", "SearchIndexLock");
    private static final Pattern ID = Pattern.compile("^([0-9a-f-]{36})  ", Pattern.MULTILINE);

    @TempDir
    Path home;

    /** The classes a run of {@code t3 args} loaded, and what it printed. */
    private record Run(int code, String out, List<String> classes) {
    }

    private Run t3(String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(home, "classes", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("T3_") || k.equals("COOKIES")
                || k.equals("CONVEX_SESSION_ID"));
        env.put("HOME", home.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> classes = Files.readAllLines(log).stream().filter(l -> l.contains(" source: ")).toList();
        assertThat(classes).as("the log lists classes").isNotEmpty();
        return new Run(process.exitValue(), out, classes);
    }

    private static List<String> indexClasses(Run run) {
        return run.classes().stream().filter(l -> INDEX_CLASSES.stream().anyMatch(l::contains)).toList();
    }

    @Test
    @Timeout(180)
    void onlyASearchLoadsTheIndex() throws Exception {
        Run ask = t3("--demo", "ask", "a kestrel hovers");
        assertThat(ask.code()).as(ask.out()).isZero();
        assertThat(indexClasses(ask)).as("t3 ask").isEmpty();

        Run list = t3("--demo", "conversations", "list");
        assertThat(list.code()).as(list.out()).isZero();
        assertThat(indexClasses(list)).as("t3 conversations list").isEmpty();
        Matcher id = ID.matcher(list.out());
        assertThat(id.find()).as(list.out()).isTrue();

        Run delete = t3("--demo", "conversations", "delete", id.group(1));
        assertThat(delete.code()).as(delete.out()).isZero();
        assertThat(indexClasses(delete)).as("a delete before any search").isEmpty();

        t3("--demo", "ask", "a falcon dives");
        Run search = t3("--demo", "conversations", "search", "falcon");
        assertThat(search.code()).as(search.out()).isZero();
        assertThat(search.out()).contains("a falcon dives");
        assertThat(indexClasses(search)).as("a search").anyMatch(l -> l.contains("org.sqlite."))
                .anyMatch(l -> l.contains("SqliteSearchIndex"));
    }
}
