package io.github.t3chat4j.adapter.openai;

import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which t3.chat model answers a model id an Anthropic client sends ({@code claude-sonnet-4-5},
 * {@code claude-opus-4-1-20250805}, {@code claude-3-5-haiku-latest}, {@code sonnet}). In this order:
 * <ol>
 *   <li>the user's rules ({@code --anthropic-model FROM=TO}): an exact id, else the longest
 *       {@code prefix*} that matches, else {@code *};</li>
 *   <li>a t3.chat model id as it is ({@code gemini-2.5-flash}, {@code claude-4-sonnet});</li>
 *   <li>the nearest Claude of t3.chat's catalogue: the same family (opus, sonnet, haiku) first, else the
 *       next one (haiku → sonnet → opus, opus → sonnet → haiku); then a plain id before a variant
 *       ({@code …-reasoning}), a current model before a legacy one, the nearest version (a bare family or
 *       {@code -latest} wants the newest), and on a tie the newer.</li>
 * </ol>
 * Anything else is looked up as t3.chat would (an unknown id is a 404 with the closest one).
 */
final class AnthropicModelMap {

    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?");
    private static final List<String> FAMILIES = List.of("haiku", "sonnet", "opus");
    /** A rule's left side: an id, a prefix ending in {@code *}, or {@code *}. */
    static final Pattern FROM = Pattern.compile("\\*|[A-Za-z0-9._:\\[\\]-]+\\*?");
    /** A rule's right side: a t3.chat model id. */
    static final Pattern TO = Pattern.compile("[A-Za-z0-9._:-]+");

    private final Map<String, String> rules;

    /** @param rules from (an id, {@code prefix*} or {@code *}) to a t3.chat model id; checked by {@link GatewayConfig} */
    AnthropicModelMap(Map<String, String> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** How a requested id was mapped: the t3.chat id and the reason, for the log and the model listing. */
    record Mapping(String model, String why) {
    }

    /** The t3.chat model for {@code requested}, or empty when no rule nor Claude applies. */
    Optional<Mapping> map(String requested, ModelCatalog catalog) {
        Optional<String> ruled = rule(requested);
        if (ruled.isPresent()) {
            return ruled.map(target -> new Mapping(target, "--anthropic-model"));
        }
        if (catalog.find(requested).filter(model -> !model.disabled()).isPresent()) {
            return Optional.of(new Mapping(requested, "a t3.chat id"));
        }
        return ClaudeId.parse(requested).flatMap(wanted -> nearest(wanted, catalog))
                .map(id -> new Mapping(id, "the nearest Claude"));
    }

    private Optional<String> rule(String requested) {
        String exact = rules.get(requested);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String from : rules.keySet()) {
            if (from.length() > 1 && from.endsWith("*") && requested.startsWith(from.substring(0, from.length() - 1))
                    && (best == null || from.length() > best.length())) {
                best = from;
            }
        }
        if (best == null && rules.containsKey("*")) {
            best = "*";
        }
        return Optional.ofNullable(best).map(rules::get);
    }

    private static Optional<String> nearest(ClaudeId wanted, ModelCatalog catalog) {
        List<Candidate> candidates = new ArrayList<>();
        for (ModelInfo model : catalog.models()) {
            if (model.disabled() || model.generatesImages()) {
                continue;
            }
            ClaudeId.parse(model.id().value()).ifPresent(id -> candidates.add(new Candidate(model, id)));
        }
        return candidates.stream().min(Comparator
                        .comparingInt((Candidate c) -> wanted.familyDistance(c.id()))
                        .thenComparing((Candidate c) -> c.id().extras())
                        .thenComparing((Candidate c) -> c.model().legacy())
                        .thenComparingInt((Candidate c) -> wanted.versionDistance(c.id()))
                        .thenComparingInt((Candidate c) -> -c.id().version()))
                .map(c -> c.model().id().value());
    }

    private record Candidate(ModelInfo model, ClaudeId id) {
    }

    /**
     * A Claude model id taken apart: its family, its version ({@code major * 100 + minor}; -1 when it has
     * none, which asks for the newest), and whether it has words beyond those (a variant).
     */
    record ClaudeId(String family, int version, boolean extras) {

        static Optional<ClaudeId> parse(String id) {
            String lower = id.toLowerCase(Locale.ROOT);
            int bracket = lower.indexOf('[');
            if (bracket >= 0) {
                lower = lower.substring(0, bracket);
            }
            if (FAMILIES.contains(lower)) {
                return Optional.of(new ClaudeId(lower, -1, false));
            }
            if (!lower.startsWith("claude-")) {
                return Optional.empty();
            }
            String family = null;
            List<String> numbers = new ArrayList<>();
            boolean extras = false;
            for (String token : lower.substring("claude-".length()).split("-")) {
                if (FAMILIES.contains(token) && family == null) {
                    family = token;
                } else if (NUMBER.matcher(token).matches() && numbers.size() < 2) {
                    numbers.addAll(List.of(token.split("\\.")));
                } else if (!DATE.matcher(token).matches() && !token.equals("latest") && !token.isEmpty()) {
                    extras = true;
                }
            }
            if (family == null) {
                return Optional.empty();
            }
            int version = numbers.isEmpty() ? -1
                    : Integer.parseInt(numbers.get(0)) * 100 + (numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 0);
            return Optional.of(new ClaudeId(family, version, extras));
        }

        int familyDistance(ClaudeId other) {
            if (family.equals(other.family)) {
                return 0;
            }
            // Next door first: a sonnet for a haiku or an opus; an opus for a sonnet.
            List<String> order = switch (family) {
                case "haiku" -> List.of("sonnet", "opus");
                case "sonnet" -> List.of("opus", "haiku");
                default -> List.of("sonnet", "haiku");
            };
            return 1 + order.indexOf(other.family);
        }

        int versionDistance(ClaudeId other) {
            return version < 0 ? -other.version : Math.abs(version - other.version);
        }
    }
}
