package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.adapter.cli.Cli;
import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.cli.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command and subcommand of {@code t3}, as {@link Cli} builds them (so a command added later is
 * walked too), answers {@code --help} and {@code -h} through {@link Main}: its usage and an example on
 * standard output, exit 0, nothing on standard error, no picocli warning, and no escape sequence when
 * standard output is a pipe. A command that never connects shows none of the connection options.
 */
class CommandTreeHelpTest {

    /** Where a command that connects lists its connection options. */
    private static final String CONNECTION_SECTION = "Connection (";

    /** The commands that talk to t3.chat (and {@code t3} itself, whose chat does); every other one never does. */
    private static final Set<String> CONNECTING = Set.of("", "ask", "chat", "image", "credits", "models", "login",
            "serve", "doctor");

    @TempDir
    Path home;

    @Test
    void everyCommand_answersHelpAndH_withItsUsageAndAnExample_cleanlyOnAPipe() {
        List<List<String>> commands = Cli.commands(context());
        assertThat(commands).contains(List.of(), List.of("ask"), List.of("conversations"),
                List.of("conversations", "show"), List.of("conversations", "list"), List.of("config", "trust"));
        InProcessT3 t3 = new InProcessT3(home);
        List<String> failures = new ArrayList<>();
        PrintStream processErr = System.err;
        ByteArrayOutputStream picocliTrace = new ByteArrayOutputStream();
        System.setErr(new PrintStream(picocliTrace, true, StandardCharsets.UTF_8));
        try {
            for (List<String> command : commands) {
                for (String help : List.of("--help", "-h")) {
                    List<String> args = new ArrayList<>(command);
                    args.add(help);
                    int code = t3.runPiped("", args.toArray(String[]::new));
                    String name = String.join(" ", args);
                    String usage = "Usage: " + String.join(" ", prepend("t3", command)) + " ";
                    if (code != ExitCode.OK) {
                        failures.add(name + ": exit " + code + ": " + t3.err());
                    }
                    if (!t3.out().startsWith(usage)) {
                        failures.add(name + ": does not start with '" + usage + "': " + firstLine(t3.out()));
                    }
                    if (!t3.out().contains("Example:") && !t3.out().contains("Examples:")) {
                        failures.add(name + ": no example");
                    }
                    if (t3.out().indexOf('\u001b') >= 0) {
                        failures.add(name + ": an escape sequence on a pipe");
                    }
                    if (!t3.err().isEmpty()) {
                        failures.add(name + ": standard error: " + t3.err());
                    }
                }
            }
        } finally {
            System.setErr(processErr);
        }

        assertThat(failures).isEmpty();
        assertThat(picocliTrace.toString(StandardCharsets.UTF_8)).doesNotContain("[picocli");
    }

    @Test
    void commandsThatNeverConnect_showNoneOfTheConnectionOptions_andThoseThatDo_showThemAll() {
        InProcessT3 t3 = new InProcessT3(home);
        List<String> failures = new ArrayList<>();
        for (List<String> command : Cli.commands(context())) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            t3.runPiped("", args.toArray(String[]::new));
            String help = t3.out();
            boolean local = !CONNECTING.contains(command.isEmpty() ? "" : command.get(0));
            List<String> connection = List.of("--base-url", "--transport", "--browser", "--curl", "--proxy",
                    "--connect-timeout", "--first-byte-timeout", "--idle-timeout", "--timeout", "--max-reply-size");
            for (String option : connection) {
                if (local == help.contains(option + "=")) {
                    failures.add(String.join(" ", command) + (local ? " shows " : " lacks ") + option);
                }
            }
            if (local == help.contains(CONNECTION_SECTION)) {
                failures.add(String.join(" ", command) + (local ? " shows" : " lacks") + " the connection section");
            }
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void aNestedCommandsNameAlone_isAUsageErrorSayingWhichCommandItIsUnder() {
        InProcessT3 t3 = new InProcessT3(home);
        List<String> failures = new ArrayList<>();
        List<List<String>> nested = Cli.commands(context()).stream().filter(command -> command.size() == 2).toList();
        assertThat(nested).contains(List.of("conversations", "search"), List.of("config", "trust"));
        for (List<String> command : nested) {
            int code = t3.runPiped("", command.get(1), "word");
            String expected = "Did you mean: t3 " + String.join(" ", command) + "?";
            if (code != ExitCode.USAGE || !t3.err().contains(expected)) {
                failures.add("t3 " + command.get(1) + ": exit " + code + ", " + t3.err().lines().toList());
            }
        }

        assertThat(failures).isEmpty();
    }

    private CliContext context() {
        return new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of("HOME", home.toString()), false, false, false,
                (profile, env) -> {
                    throw new AssertionError("listing the commands needs no services");
                }, home);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
