package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's table of {@code --json} documents ("Output for scripts") is the shape each command
 * prints: every command in the table is run through {@link Main} against the demo, and the fields its
 * document has at the top level (of each element, for an array) are the ones the table names there, in
 * that order, with nothing else on standard output.
 */
class JsonShapesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each row of the table, by its first words, and the command line that prints its document. */
    private static final Map<String, List<String>> RUNS = Map.of(
            "t3 ask --json", List.of("--demo", "ask", "--json", "kestrel"),
            "t3 conversations --json", List.of("--demo", "conversations", "--json"),
            "t3 conversations search --json", List.of("--demo", "conversations", "search", "--json", "kestrel"),
            "t3 models --json", List.of("--demo", "models", "--json"),
            "t3 credits --json", List.of("--demo", "credits", "--json"),
            "t3 config --json", List.of("--demo", "config", "--json"),
            "t3 doctor --json", List.of("--demo", "doctor", "--json"));

    @TempDir
    Path home;

    @Test
    void everyDocumentInTheReadmesTable_hasTheFieldsTheTableNames() throws IOException {
        Map<String, List<String>> documented = documentedFields();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(RUNS.keySet());
        InProcessT3 t3 = new InProcessT3(home);
        assertThat(t3.run("--demo", "ask", "kestrel")).as(t3.err()).isEqualTo(ExitCode.OK);
        List<String> failures = new ArrayList<>();

        for (Map.Entry<String, List<String>> row : documented.entrySet()) {
            int code = t3.runPiped("", RUNS.get(row.getKey()).toArray(String[]::new));
            if (code != ExitCode.OK) {
                failures.add(row.getKey() + ": exit " + code + ": " + t3.err());
                continue;
            }
            assertThat(t3.out().strip().lines()).as(row.getKey()).hasSize(1);
            JsonNode document = JSON.readTree(t3.out());
            JsonNode fields = document.isArray() ? document.get(0) : document;
            List<String> printed = new ArrayList<>();
            fields.fieldNames().forEachRemaining(printed::add);
            if (!printed.equals(row.getValue())) {
                failures.add(row.getKey() + ": prints " + printed + ", the README says " + row.getValue());
            }
        }

        assertThat(failures).isEmpty();
    }

    /**
     * The table's rows: the command (its first code span up to {@code --json}) and the fields named
     * outside any parentheses of the document's description, which name the fields within a field.
     */
    private static Map<String, List<String>> documentedFields() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int start = lines.indexOf("| Command | The document |");
        assertThat(start).as("the README's --json table").isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Pattern row = Pattern.compile("\\| `(t3 [^`]*?--json)[^`]*`[^|]*\\| (.*) \\|");
        for (String line : lines.subList(start + 2, lines.size())) {
            Matcher m = row.matcher(line);
            if (!m.matches()) {
                break;
            }
            rows.put(m.group(1), topLevelNames(m.group(2)));
        }
        return rows;
    }

    private static List<String> topLevelNames(String description) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '`') {
                int end = description.indexOf('`', i + 1);
                if (depth == 0) {
                    names.add(description.substring(i + 1, end));
                }
                i = end;
            }
        }
        return names;
    }
}
