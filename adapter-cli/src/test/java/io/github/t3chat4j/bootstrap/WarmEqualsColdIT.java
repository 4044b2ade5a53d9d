package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the CLI, run the same way in two fresh worlds (home folder, working folder): one
 * served cold, one by a warm process. Standard output, standard error, exit codes and the files left
 * behind must be the same, byte for byte, once what differs by nature is named alike: each world's folder,
 * conversation ids, clock times and loopback ports.
 */
class WarmEqualsColdIT {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern STAMP = Pattern.compile("\\d{8}-\\d{6}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?Z?)?");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\b1[6-9]\\d{11}\\b");
    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:\\d+");
    private static final Pattern PORT_WORDS = Pattern.compile("port \\d+");
    /** The one setting in which the worlds differ on purpose. */
    private static final Pattern DAEMON_SETTING = Pattern.compile("T3_DAEMON = (on|off) \\[environment\\]");
    /** The clock check compares with the server's Date header, which has whole seconds. */
    private static final Pattern CLOCK = Pattern.compile("within \\d+ s of the server's");
    private static final Pattern PROPERTIES_DATE = Pattern.compile("#\\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} \\w+ \\d{4}");

    @TempDir
    Path temp;

    /** One step of the script: the arguments (where {@code {id}} is the world's first conversation) and input. */
    private record Step(String stdin, String... args) {
        static Step of(String... args) {
            return new Step(null, args);
        }
    }

    private static final List<Step> SCRIPT = List.of(
            Step.of("--demo", "ask", "--json", "the first conversation"),
            Step.of("--demo", "ask", "--continue", "again"),
            Step.of("--demo", "ask", "--reasoning", "high", "--show-reasoning", "why?"),
            Step.of("--demo", "ask", "--raw", "raw \u001b[31m red"),
            Step.of("--demo", "ask", "show me markdown"),
            new Step("text from a pipe\n", "--demo", "ask", "and the prompt"),
            Step.of("--demo", "ask", "--model", "gpt-image-1", "--save-image", "cat", "a cat"),
            Step.of("--demo", "image", "-o", "dog.png", "a dog"),
            Step.of("--demo", "image", "a lighthouse"),
            Step.of("--demo", "ask", "--model", "gemini-2.5-flsh", "a typo"),
            Step.of("--demo", "conversations", "list"),
            Step.of("--demo", "conversations", "show", "{id}"),
            Step.of("--demo", "conversations", "export", "{id}", "--format", "md"),
            Step.of("--demo", "conversations", "export", "{id}", "--format", "json"),
            Step.of("--demo", "conversations", "import", "sidebar.json"),
            Step.of("--demo", "conversations", "show", "imported-1"),
            Step.of("--demo", "conversations", "search", "again"),
            Step.of("--demo", "conversations", "search", "--json", "--sort", "newest", "a", "-dog"),
            Step.of("--demo", "conversations", "search", "role:assistant", "Echo"),
            Step.of("--demo", "conversations", "search", "after:someday"),
            Step.of("--demo", "conversations", "delete", "{id}"),
            Step.of("--demo", "conversations", "show", "{id}"),
            Step.of("--demo", "conversations", "search", "--reindex", "again"),
            Step.of("--demo", "models"),
            Step.of("--demo", "models", "--images", "--json"),
            Step.of("--demo", "credits"),
            Step.of("--demo", "credits", "--json"),
            Step.of("--demo", "doctor"),
            Step.of("--demo", "doctor", "--json"),
            Step.of("config"),
            Step.of("ask", "no credentials"),
            Step.of("--timeout", "soon", "ask", "hi"),
            Step.of("no-such-command"),
            Step.of("ask", "--help"),
            new Step("no wos cookie here\n", "login", "--no-check"),
            new Step("wos-session=stored\ncvx\n", "login", "--no-check"),
            Step.of("config"),
            Step.of("logout"),
            Step.of("config"));

    @Test
    void everyCommandPrintsTheSameBytes_leavesTheSameFiles_andExitsTheSame_coldAndWarm() throws Exception {
        World cold = new World(temp.resolve("cold"), false);
        World warm = new World(temp.resolve("warm"), true);
        try (cold.t3; warm.t3) {
            for (Step step : SCRIPT) {
                String[] coldResult = cold.run(step);
                String[] warmResult = warm.run(step);
                assertThat(warmResult).as("t3 " + String.join(" ", step.args())).containsExactly(coldResult);
            }
            Map<String, String> coldFiles = cold.files();
            Map<String, String> warmFiles = warm.files();
            assertThat(warmFiles.keySet()).containsExactlyElementsOf(coldFiles.keySet());
            coldFiles.forEach((name, text) -> assertThat(warmFiles.get(name)).as(name).isEqualTo(text));
        }
    }

    /** A home folder and a working folder, and t3 run in them one way. */
    private static final class World {
        private final Path root;
        private final Path work;
        private final LauncherT3 t3;
        private final Map<String, String> ids = new HashMap<>();
        private String firstConversation;

        World(Path root, boolean warm) throws IOException {
            this.root = root;
            Path home = Files.createDirectories(root.resolve("home"));
            this.work = Files.createDirectories(root.resolve("work"));
            Files.writeString(work.resolve(".env"), "T3_SYSTEM_PROMPT=be brief\n");
            Files.writeString(work.resolve("sidebar.json"), "{\"state\":{\"threads\":[{\"threadId\":\"imported-1\","
                    + "\"title\":\"From the browser\",\"model\":\"gpt-4o\",\"createdAt\":1700000000000,"
                    + "\"updatedAt\":1700000000000,\"lastMessageAt\":1700000000000}],\"messages\":{\"imported-1\":["
                    + "{\"messageId\":\"m1\",\"role\":\"user\",\"parts\":[{\"text\":\"Hi there\"}],"
                    + "\"createdAt\":1700000000000}]}}}");
            this.t3 = new LauncherT3(home, Map.of(), warm).in(work);
        }

        /** Runs {@code step}: exit code, standard output and standard error, with this world's names made neutral. */
        String[] run(Step step) {
            String[] args = step.args().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i].replace("{id}", firstConversation == null ? "none" : firstConversation);
            }
            LauncherT3.Result result = t3.launch(Map.of(), step.stdin() == null ? "" : step.stdin(), args);
            if (firstConversation == null) {
                Matcher id = UUID.matcher(result.out());
                if (id.find()) {
                    firstConversation = id.group();
                }
            }
            return new String[] {Integer.toString(result.code()), neutral(result.out()), neutral(result.err())};
        }

        /** Every file this world's runs left, by neutral path, with its neutral text (or its size, for images). */
        Map<String, String> files() throws IOException {
            Map<String, Path> byName = new TreeMap<>();
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path file : paths.filter(Files::isRegularFile).toList()) {
                    byName.put(neutral(root.relativize(file).toString()), file);
                }
            }
            // Read in the order of the neutral names, so that ids seen only in files are named alike.
            Map<String, String> files = new TreeMap<>();
            for (Map.Entry<String, Path> entry : byName.entrySet()) {
                String name = entry.getKey();
                byte[] bytes = Files.readAllBytes(entry.getValue());
                // A lock file names the process that last held it: each run's JVM when cold, the warm process
                // when warm. The search index is SQLite's binary file, holding the files' times; what it
                // finds is compared above. Chromium (t3 doctor tries the browser transport) keeps a random
                // client id of its crash reporter in the home folder, whatever its profile.
                files.put(name, name.endsWith(".png") ? bytes.length + " bytes"
                        : name.endsWith(".lock") ? "a process id"
                        : name.endsWith(".db") ? "a search index"
                        : name.contains("/native/") ? "SQLite's library"
                        : name.startsWith("home/.config/chromium/") ? "Chromium's own"
                        : neutral(new String(bytes, StandardCharsets.UTF_8)));
            }
            return files;
        }

        private String neutral(String text) {
            String neutral = text.replace(root.toString(), "<world>");
            Matcher id = UUID.matcher(neutral);
            StringBuilder named = new StringBuilder();
            while (id.find()) {
                String name = ids.computeIfAbsent(id.group(), key -> "<id" + (ids.size() + 1) + ">");
                id.appendReplacement(named, Matcher.quoteReplacement(name));
            }
            id.appendTail(named);
            neutral = STAMP.matcher(named.toString()).replaceAll("<stamp>");
            neutral = DATE_TIME.matcher(neutral).replaceAll("<time>");
            neutral = EPOCH_MILLIS.matcher(neutral).replaceAll("<millis>");
            neutral = PORT.matcher(neutral).replaceAll("127.0.0.1:<port>");
            neutral = PROPERTIES_DATE.matcher(neutral).replaceAll("#<date>");
            neutral = CLOCK.matcher(neutral).replaceAll("within <n> s of the server's");
            neutral = DAEMON_SETTING.matcher(neutral).replaceAll("T3_DAEMON = <cold or warm> [environment]");
            return PORT_WORDS.matcher(neutral).replaceAll("port <port>");
        }
    }
}
