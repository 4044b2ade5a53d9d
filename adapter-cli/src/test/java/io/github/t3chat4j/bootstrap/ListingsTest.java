package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code t3 conversations} lists without a command, and the listings have {@code --json} (one document,
 * the shape the README gives) and {@code conversations} a {@code --limit}: through {@link Main}, over the
 * demo's conversations on disk.
 */
class ListingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private InProcessT3 t3;

    @BeforeEach
    void threeConversations() {
        t3 = new InProcessT3(home);
        for (String prompt : List.of("first question", "second question", "third question")) {
            assertThat(t3.run("--demo", "ask", prompt)).as(t3.err()).isEqualTo(ExitCode.OK);
        }
    }

    @Test
    void conversationsAlone_listsThem_newestFirst_asTheListCommandDoes() {
        int alone = t3.runPiped("", "--demo", "conversations");
        String listed = t3.out();
        int list = t3.runPiped("", "--demo", "conversations", "list");

        assertThat(alone).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(list).isEqualTo(ExitCode.OK);
        assertThat(listed).isEqualTo(t3.out());
        assertThat(listed.lines().toList()).hasSize(3);
        assertThat(listed.lines().findFirst().orElseThrow()).contains("third question");
        assertThat(listed).doesNotContain("Missing required subcommand").doesNotContain("Usage:");
    }

    @Test
    void conversationsHelp_stillShowsTheTree() {
        int code = t3.runPiped("", "conversations", "--help");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("Commands:").contains("list").contains("show").contains("export")
                .contains("delete").contains("import");
    }

    @Test
    void listsAsOneJsonDocument_withTheConversationsShownTheTotalAndWhatWasSkipped() throws Exception {
        int code = t3.runPiped("", "--demo", "conversations", "list", "--json");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out().lines().toList()).hasSize(1);
        JsonNode document = JSON.readTree(t3.out());
        assertThat(fieldNames(document)).containsExactly("conversations", "total", "skipped");
        assertThat(document.get("total").asInt()).isEqualTo(3);
        assertThat(document.get("skipped")).isEmpty();
        JsonNode newest = document.get("conversations").get(0);
        assertThat(fieldNames(newest)).containsExactly("threadId", "title", "model", "messages", "updatedAt");
        assertThat(newest.get("title").asText()).contains("third question");
        assertThat(newest.get("messages").asInt()).isEqualTo(2);
        assertThat(newest.get("model").asText()).isEqualTo("gemini-2.5-flash-lite");
        assertThat(java.time.Instant.parse(newest.get("updatedAt").asText())).isNotNull();
        int shown = t3.runPiped("", "--demo", "conversations", "show", newest.get("threadId").asText());
        assertThat(shown).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("Echo(1): third question");
    }

    @Test
    void limitsTheListing_toTheNewest_withTheTotalStillCounted() throws Exception {
        int limited = t3.runPiped("", "--demo", "conversations", "list", "-n", "2");
        String text = t3.out();
        int json = t3.runPiped("", "--demo", "conversations", "--limit", "1", "--json");
        JsonNode document = JSON.readTree(t3.out());
        int all = t3.runPiped("", "--demo", "conversations", "-n", "0");
        String everything = t3.out();
        int negative = t3.runPiped("", "--demo", "conversations", "-n", "-1");

        assertThat(limited).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(text.lines().toList()).hasSize(2);
        assertThat(text).contains("third question").contains("second question").doesNotContain("first question");
        assertThat(json).isEqualTo(ExitCode.OK);
        assertThat(document.get("conversations")).hasSize(1);
        assertThat(document.get("conversations").get(0).get("title").asText()).contains("third question");
        assertThat(document.get("total").asInt()).isEqualTo(3);
        assertThat(all).isEqualTo(ExitCode.OK);
        assertThat(everything.lines().toList()).hasSize(3);
        assertThat(negative).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("--limit");
    }

    @Test
    void listsAFileItCouldNotRead_asSkipped_inTheDocumentAndOnStandardError() throws Exception {
        Path folder = home.resolve(".local/share/t3chat4j/demo/conversations");
        Files.writeString(folder.resolve("broken-1.json"), "{\"schemaVersion\":1, \"threadId\":");

        int code = t3.runPiped("", "--demo", "conversations", "--json");

        assertThat(code).isEqualTo(ExitCode.OK);
        JsonNode document = JSON.readTree(t3.out());
        assertThat(document.get("total").asInt()).isEqualTo(3);
        assertThat(document.get("skipped")).hasSize(1);
        assertThat(document.get("skipped").get(0).get("source").asText()).contains("broken-1");
        assertThat(document.get("skipped").get(0).get("reason").asText()).isNotBlank();
        assertThat(t3.err()).contains("skipped broken-1.json");
    }

    @Test
    void aListOptionBeforeAnotherCommand_isRefused_ratherThanIgnored() {
        int code = t3.runPiped("", "--demo", "conversations", "--json", "show", "x");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("--json is an option of 't3 conversations', not of 't3 conversations show'");
    }

    @Test
    void anOptionOfACommandBeforeItsSubcommand_isRefused() {
        int code = t3.runPiped("", "config", "--json", "untrust");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("--json is an option of 't3 config', not of 't3 config untrust'");
    }

    @Test
    void configPrintsOneJsonDocument_withEverySetting_secretsMasked_andWhereEachComesFrom() throws Exception {
        String secret = "SECRET-WOS-VALUE-1234567890";
        int code = t3.run(Map.of("COOKIES", "wos-session=" + secret, "T3_MODEL", "claude-4-sonnet"), "config",
                "--json");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).doesNotContain(secret);
        JsonNode document = JSON.readTree(t3.out());
        assertThat(fieldNames(document)).containsExactly("configFile", "dotEnvFile", "dotEnvTrusted", "history",
                "settings");
        assertThat(document.get("dotEnvFile").isNull()).isTrue();
        Map<String, JsonNode> settings = new java.util.HashMap<>();
        document.get("settings").forEach(setting -> settings.put(setting.get("key").asText(), setting));
        assertThat(settings.get("T3_MODEL").get("value").asText()).isEqualTo("claude-4-sonnet");
        assertThat(settings.get("T3_MODEL").get("source").asText()).isEqualTo("environment");
        assertThat(settings.get("COOKIES").get("value").asText()).isNotEmpty();
        assertThat(settings.get("T3_PROXY").get("value").isNull()).isTrue();
        assertThat(fieldNames(settings.get("T3_MODEL"))).containsExactly("key", "value", "source", "note");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
