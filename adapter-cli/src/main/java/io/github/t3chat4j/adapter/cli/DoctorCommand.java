package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.Diagnosis.Check;
import io.github.t3chat4j.adapter.cli.Diagnosis.Status;
import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code t3 doctor}: one line per check of the way to t3.chat, then what to do. Exit code 0 only when
 * everything a chat needs passed.
 */
@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        description = {"Check the way to t3.chat, and say what to do.",
            "Credentials, clock, proxy, DNS and TLS, the home page with every transport side",
            "by side (java, curl-impersonate, browser), then session renewal, tRPC and (with",
            "--chat) a tiny chat. Tells t3.chat's bot checkpoint from an expired session and",
            "from a network failure, and says which transport gets through and how to make",
            "it the default."},
        footer = {"", "Examples:",
            "  t3 doctor                     check everything but a chat (costs nothing)",
            "  t3 doctor --chat              also send a tiny chat (costs a few credits)",
            "  t3 doctor --transport browser start with the browser transport",
            "  t3 doctor --json | jq .ready",
            "", "Exit codes: 0 when a chat can work, 3 when the credentials or session fail,",
            "4 when t3.chat's checkpoint turns every transport away, 7 when t3.chat cannot",
            "be reached, 1 otherwise."})
final class DoctorCommand implements Callable<Integer> {

    /** How a check that t3.chat's checkpoint turned away begins (the diagnosis words it so). */
    private static final String BLOCKED = "turned away by t3.chat's bot checkpoint";

    @ParentCommand
    T3Command root;

    /** Read by {@link T3Command#settings} with those given before this command's name. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--chat", description = "Also send a tiny chat to the default model (costs credits).")
    boolean chat;

    @Option(names = "--json", description = "Print one JSON object for scripts: ready, transport (the one that"
            + " got through, or null), checks (name, status, detail), advice.")
    boolean json;

    private final CliContext context;

    DoctorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Settings resolved = root.settings(Map.of());
        ConnectionSettings connection = root.boundary(resolved).diagnosis();
        Diagnosis diagnosis = root.services().diagnose(connection, chat);
        PrintWriter out = context.out();
        if (json) {
            out.println(JsonOutput.write(fields(diagnosis)));
        } else {
            print(diagnosis, out);
        }
        out.flush();
        return exitCode(diagnosis);
    }

    static void print(Diagnosis diagnosis, PrintWriter out) {
        int width = diagnosis.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Check check : diagnosis.checks()) {
            out.println(mark(check.status()) + " " + pad(check.name(), width) + "  " + TerminalSafe.text(check.detail()));
        }
        out.println();
        out.println(diagnosis.readyToChat() ? "Ready: a chat can work"
                + diagnosis.workingTransport().map(t -> " with the " + t + " transport.").orElse(".")
                : "Not ready: a chat cannot work yet.");
        diagnosis.advice().forEach(line -> out.println("What to do: " + TerminalSafe.text(line)));
    }

    private static String mark(Status status) {
        return switch (status) {
            case PASS -> "[ ok ]";
            case WARN -> "[warn]";
            case FAIL -> "[FAIL]";
            case SKIP -> "[skip]";
        };
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    static Map<String, Object> fields(Diagnosis diagnosis) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ready", diagnosis.readyToChat());
        fields.put("transport", diagnosis.workingTransport().orElse(null));
        List<Map<String, Object>> checks = diagnosis.checks().stream().map(c -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("name", c.name());
            check.put("status", c.status().name().toLowerCase(Locale.ROOT));
            check.put("detail", c.detail());
            return check;
        }).toList();
        fields.put("checks", checks);
        fields.put("advice", diagnosis.advice());
        return fields;
    }

    /** 0 when ready; else the code of what failed first at the site: session, bot filter or network. */
    static int exitCode(Diagnosis diagnosis) {
        if (diagnosis.readyToChat()) {
            return ExitCode.OK;
        }
        for (Check check : diagnosis.checks()) {
            if (check.status() != Status.FAIL) {
                continue;
            }
            if (check.name().equals("credentials") || check.detail().startsWith("the session was refused")) {
                return ExitCode.AUTH;
            }
            if (check.detail().startsWith("network failure")) {
                return ExitCode.NETWORK;
            }
        }
        boolean blocked = diagnosis.checks().stream().anyMatch(c -> c.status() == Status.FAIL
                && c.detail().startsWith(BLOCKED));
        return blocked ? ExitCode.BLOCKED : ExitCode.INTERNAL;
    }
}
