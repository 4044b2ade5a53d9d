package io.github.t3chat4j.adapter.http.internal.catalog;

import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsBoolean;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsObject;
import io.github.t3chat4j.adapter.http.internal.catalog.JsValue.JsString;
import io.github.t3chat4j.domain.catalog.ModelCost;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ModelId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds model definitions in minified JavaScript: every object literal is read with
 * {@link JsLiteralParser} (spreads of same-chunk base objects included), and those that look like a
 * model (a string {@code id}, a name, and a cost, features, developer, description or {@code app}
 * block) become {@link ModelInfo}s. Objects that fail to parse are skipped; the first definition of an
 * id wins.
 */
final class ModelDefinitionScanner {

    /** Prices below this are per token (written {@code 0.3/1e6}) and are scaled to per million. */
    private static final BigDecimal PER_TOKEN_BELOW = new BigDecimal("0.001");
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final List<String> MODEL_KEYS = List.of("cost", "features", "developer", "shortDescription",
            "app");

    private ModelDefinitionScanner() {
    }

    static List<ModelInfo> scan(String js) {
        JsSource source = new JsSource(js);
        Map<ModelId, ModelInfo> models = new LinkedHashMap<>();
        int from = 0;
        while (true) {
            int brace = js.indexOf('{', from);
            if (brace < 0) {
                break;
            }
            from = brace + 1;
            if (!startsWithMember(source, brace + 1)) {
                continue;
            }
            JsLiteralParser parser = new JsLiteralParser(source, brace);
            JsValue value;
            try {
                value = parser.readValue();
            } catch (JsLiteralParser.ParseFailure e) {
                continue;
            }
            if (value instanceof JsObject object) {
                Optional<ModelInfo> model = toModel(object);
                if (model.isPresent()) {
                    models.putIfAbsent(model.get().id(), model.get());
                    from = parser.position();
                }
            }
        }
        return List.copyOf(models.values());
    }

    /** Whether a key or a spread follows an opening brace: cheap, and most blocks of code fail it. */
    private static boolean startsWithMember(JsSource source, int at) {
        int i = source.skipSpace(at);
        if (i >= source.text().length()) {
            return false;
        }
        char c = source.text().charAt(i);
        return JsSource.isIdentifierStart(c) || c == '"' || c == '\'' || c == '[' || Character.isDigit(c)
                || source.text().startsWith("...", i);
    }

    private static Optional<ModelInfo> toModel(JsObject object) {
        Optional<String> id = object.string("id");
        Optional<String> name = object.string("name").filter(n -> !n.isBlank());
        if (id.isEmpty() || name.isEmpty() || MODEL_KEYS.stream().noneMatch(object::has)) {
            return Optional.empty();
        }
        ModelId modelId;
        try {
            modelId = ModelId.of(id.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        JsObject app = object.object("app").orElse(JsObject.EMPTY);
        JsObject cost = object.object("cost").orElse(JsObject.EMPTY);
        ModelInfo.Builder model = ModelInfo.builder(modelId, name.get())
                .provider(party(object.get("provider")))
                .developer(party(object.get("developer")))
                .shortDescription(object.string("shortDescription").orElse(""))
                .fullDescription(object.string("fullDescription").orElse(""))
                .flags(flag(object, "requiresPro"), flag(object, "premium"), flag(object, "disabled"),
                        flag(object, "legacy"))
                .cost(new ModelCost(price(cost, "input"), price(cost, "output"), price(cost, "cacheRead"),
                        price(cost, "cacheWrite")))
                .creditAmount(object.number("creditAmount").orElse(null))
                .maxTokens(tokens(app.has("maxInputTokens") ? app : object, "maxInputTokens"),
                        tokens(app.has("maxOutputTokens") ? app : object, "maxOutputTokens"))
                .features(features(object))
                .searchTags(strings(object.elements("searchTags")))
                .dates(object.string("addedOn").orElse(null), object.string("knowledgeCutoffDate").orElse(null),
                        object.string("retiredOn").orElse(null))
                .succeededBy(successor(object.has("succeededBy") ? object.get("succeededBy")
                        : object.get("succededBy")));
        return Optional.of(model.build());
    }

    private static boolean flag(JsObject object, String key) {
        return object.bool(key).orElse(false);
    }

    /** A provider or developer: a name, or an object with a name or id. */
    private static String party(JsValue value) {
        if (value instanceof JsString s) {
            return s.value();
        }
        if (value instanceof JsObject o) {
            return o.string("name").or(() -> o.string("id")).orElse("");
        }
        return "";
    }

    private static Optional<BigDecimal> price(JsObject cost, String key) {
        return cost.number(key).map(n -> n.compareTo(PER_TOKEN_BELOW) < 0
                ? n.multiply(MILLION, MathContext.DECIMAL64).stripTrailingZeros()
                : n.stripTrailingZeros());
    }

    /** A whole, non-negative token count that fits a long; null otherwise. */
    private static Long tokens(JsObject object, String key) {
        Optional<BigDecimal> n = object.number(key);
        if (n.isEmpty() || n.get().signum() < 0) {
            return null;
        }
        try {
            return n.get().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** Features as a list ({@code new Set([...])} or an array) or as an object of flags. */
    private static Set<String> features(JsObject object) {
        if (object.get("features") instanceof JsObject flags) {
            Set<String> on = new LinkedHashSet<>();
            flags.properties().forEach((k, v) -> {
                if (v.equals(JsBoolean.TRUE)) {
                    on.add(k);
                }
            });
            return on;
        }
        return new LinkedHashSet<>(strings(object.elements("features")));
    }

    private static List<String> strings(List<JsValue> items) {
        List<String> out = new ArrayList<>();
        for (JsValue item : items) {
            if (item instanceof JsString s && !s.value().isBlank()) {
                out.add(s.value());
            }
        }
        return out;
    }

    private static ModelId successor(JsValue value) {
        Optional<String> id = value instanceof JsObject o ? o.string("id")
                : value instanceof JsString s ? Optional.of(s.value()) : Optional.empty();
        try {
            return id.filter(s -> !s.isBlank()).map(ModelId::of).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
