package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.Subscription;
import io.github.t3chat4j.domain.account.Usage;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code t3 credits}: balance, tier, usage and reset times of the signed-in account. */
@Command(name = "credits",
        mixinStandardHelpOptions = true,
        description = "Show the account's credit balance, tier, usage and when each window resets.",
        footer = {"", "Examples:", "  t3 credits", "  t3 credits --json | jq .balance"})
final class CreditsCommand implements Callable<Integer> {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    @ParentCommand
    T3Command root;

    /** Read by {@link T3Command#settings} with those given before this command's name. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--json", description = "Print one JSON object for scripts: balance, balanceReliable, tier,"
            + " usageBand, usageFourHourPercentage, usageMonthPercentage, usagePeriodPercentage, fourHourResetAt,"
            + " monthResetAt, billingResetAt, subscription.")
    boolean json;

    private final CliContext context;

    CreditsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CustomerData data;
        try (T3Client client = root.connect()) {
            data = client.account().credits();
        }
        if (json) {
            context.out().println(JsonOutput.write(fields(data)));
        } else {
            context.out().print(describe(data));
        }
        context.out().flush();
        return ExitCode.OK;
    }

    static Map<String, Object> fields(CustomerData data) {
        Usage usage = data.usage();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("balance", data.balance());
        fields.put("balanceReliable", data.balanceReliable());
        fields.put("tier", data.subTier().isEmpty() ? null : data.subTier());
        fields.put("usageBand", data.usageBand().isEmpty() ? null : data.usageBand());
        fields.put("usageFourHourPercentage", percent(usage.fourHourPercentage()));
        fields.put("usageMonthPercentage", percent(usage.monthPercentage()));
        fields.put("usagePeriodPercentage", percent(usage.periodPercentage()));
        fields.put("fourHourResetAt", usage.fourHourNextResetAt().map(Instant::toString).orElse(null));
        fields.put("monthResetAt", usage.monthNextResetAt().map(Instant::toString).orElse(null));
        fields.put("billingResetAt", usage.billingNextResetAt().map(Instant::toString).orElse(null));
        fields.put("subscription", data.subscription().map(Subscription::productName).orElse(null));
        return fields;
    }

    private static Double percent(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** The human-readable report, one fact a line. */
    static String describe(CustomerData data) {
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("Balance:      " + data.balance().toPlainString() + " credits"
                + (data.balanceReliable() ? "" : " (the server says this figure may be stale)"));
        out.println("Tier:         " + (data.subTier().isEmpty() ? "unknown" : data.subTier())
                + data.subscription().map(s -> " — " + s.productName() + " (" + s.status() + ")").orElse(""));
        Usage usage = data.usage();
        out.println("Usage:        4-hour " + shown(usage.fourHourPercentage()) + ", month "
                + shown(usage.monthPercentage()) + ", period " + shown(usage.periodPercentage()));
        out.println("Resets:       4-hour " + when(usage.fourHourNextResetAt()) + "; month "
                + when(usage.monthNextResetAt()) + "; billing " + when(usage.billingNextResetAt()));
        out.flush();
        return TerminalSafe.text(text.toString());
    }

    private static String shown(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.0f%%", value.getAsDouble()) : "unknown";
    }

    private static String when(Optional<Instant> instant) {
        return instant.map(i -> LOCAL.format(i.atZone(ZoneId.systemDefault()))).orElse("unknown");
    }
}
