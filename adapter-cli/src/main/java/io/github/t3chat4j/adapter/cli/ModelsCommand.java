package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.AccountClient;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code t3 models}: the model catalogue with prices, abilities and live status. */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        description = {"List the models t3.chat offers: prices, abilities and live status.",
            "Prices are per million tokens. The catalogue is the site's (cached for a day)",
            "or, when it cannot be read, t3chat4j's bundled list; without a sign-in it is",
            "shown without live status."},
        footer = {"", "Examples:", "  t3 models", "  t3 models --provider anthropic", "  t3 models --images --json",
            "  t3 models --json | jq -r '.[].id'"})
final class ModelsCommand implements Callable<Integer> {

    private static final String BUNDLED = "the site's catalogue could not be read: this is t3chat4j's bundled list,"
            + " without prices";

    @ParentCommand
    T3Command root;

    /** Read by {@link T3Command#settings} with those given before this command's name. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--provider", paramLabel = "NAME", description = "Only models of this provider or developer.")
    String provider;

    @Option(names = "--images", description = "Only models that generate images.")
    boolean images;

    @Option(names = "--reasoning", description = "Only models that reason.")
    boolean reasoning;

    @Option(names = "--json", description = "Print a JSON array for scripts: id, name, provider, developer,"
            + " description, inputPerMillion, outputPerMillion, creditAmount, features, images, requiresPro, disabled,"
            + " status (null without a sign-in), catalogue (site, cached or bundled).")
    boolean json;

    private final CliContext context;

    ModelsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Settings resolved = root.settings(Map.of());
        ConnectionSettings reading = root.boundary(resolved).connectionSignedInOrNot(resolved.model(),
                resolved.chatSettings());
        ModelCatalog catalog;
        try (T3Client client = root.services().connect(reading)) {
            // The catalogue is the site's public JavaScript; only the live statuses need a sign-in.
            catalog = reading.signedIn() ? catalog(client.account()) : client.account().models(false);
        }
        if (!reading.signedIn()) {
            context.err().println("t3: not signed in: the catalogue without live status, which needs a sign-in"
                    + " (t3 login --from-browser firefox, or t3 login).");
            context.err().flush();
        }
        List<ModelInfo> shown = catalog.models().stream().filter(this::wanted).toList();
        if (json) {
            if (catalog.source() == ModelCatalog.Source.BUNDLED) {
                context.err().println("t3: " + BUNDLED);
                context.err().flush();
            }
            context.out().println(JsonOutput.write(shown.stream().map(m -> fields(m, catalog.source())).toList()));
        } else {
            print(catalog, shown, context.out());
        }
        context.out().flush();
        return ExitCode.OK;
    }

    /** The catalogue; the live statuses are joined in when they can be read. */
    private ModelCatalog catalog(AccountClient account) {
        ModelCatalog catalog = account.models(false);
        try {
            return catalog.withStatuses(account.modelStatuses());
        } catch (T3ChatException statusesFailed) {
            context.err().println("t3: live model statuses are unavailable ("
                    + TerminalSafe.text(statusesFailed.getMessage()) + ")");
            return catalog;
        }
    }

    private boolean wanted(ModelInfo model) {
        if (provider != null && !model.provider().equalsIgnoreCase(provider)
                && !model.developer().equalsIgnoreCase(provider)) {
            return false;
        }
        if (images && !model.generatesImages()) {
            return false;
        }
        return !reasoning || model.features().stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains("reason"));
    }

    /** One model of {@code --json}; {@code source} is where the whole catalogue came from. */
    static Map<String, Object> fields(ModelInfo model, ModelCatalog.Source source) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", model.id().value());
        fields.put("name", model.name());
        fields.put("provider", model.provider());
        fields.put("developer", model.developer());
        fields.put("description", model.shortDescription());
        fields.put("inputPerMillion", model.cost().inputPerMillion().orElse(null));
        fields.put("outputPerMillion", model.cost().outputPerMillion().orElse(null));
        fields.put("creditAmount", model.creditAmount().orElse(null));
        fields.put("features", model.features());
        fields.put("images", model.generatesImages());
        fields.put("requiresPro", model.requiresPro());
        fields.put("disabled", model.disabled());
        fields.put("status", model.status().map(ModelStatus::indicator).orElse(null));
        fields.put("catalogue", switch (source) {
            case SCRAPED -> "site";
            case CACHED -> "cached";
            case BUNDLED -> "bundled";
        });
        return fields;
    }

    private static void print(ModelCatalog catalog, List<ModelInfo> shown, PrintWriter out) {
        out.printf("%-28s %-12s %10s %10s  %-8s %s%n", "ID", "PROVIDER", "IN $/1M", "OUT $/1M", "STATUS", "FEATURES");
        for (ModelInfo m : shown) {
            out.printf("%-28s %-12s %10s %10s  %-8s %s%s%n", TerminalSafe.text(m.id().value()),
                    TerminalSafe.text(m.provider()),
                    price(m.cost().inputPerMillion()), price(m.cost().outputPerMillion()),
                    m.status().map(ModelStatus::indicator).orElse("-"),
                    TerminalSafe.text(String.join(",", m.features())), m.disabled() ? " (disabled)" : m.legacy() ? " (legacy)" : "");
        }
        switch (catalog.source()) {
            case BUNDLED -> out.println("(" + BUNDLED + ")");
            case CACHED -> out.println("(the site's catalogue as read earlier and cached)");
            default -> {
                // Read from the site just now: nothing to say.
            }
        }
        out.println(shown.size() + " of " + catalog.models().size() + " models");
    }

    private static String price(Optional<BigDecimal> perMillion) {
        return perMillion.map(p -> p.stripTrailingZeros().toPlainString()).orElse("-");
    }
}
