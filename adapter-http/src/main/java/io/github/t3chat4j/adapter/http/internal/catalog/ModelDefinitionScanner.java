package io.github.t3chat4j.adapter.http.internal.catalog;

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
 * Finds model definitions in minified JavaScript: every object literal that starts with an
 * {@code id} key holding a string is read with {@link JsLiteralParser}, and those that look like a
 * model (an id, a name, and a cost, features, developer, description or {@code app} block) become
 * {@link ModelInfo}s. Objects that fail to parse are skipped; the first definition of an id wins.
 */
final class ModelDefinitionScanner {

    /** Prices below this are per token (written {@code 0.3/1e6}) and are scaled to per million. */
    private static final BigDecimal PER_TOKEN_BELOW = new BigDecimal("0.001");
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private ModelDefinitionScanner() {
    }

    static List<ModelInfo> scan(String js) {
        Map<ModelId, ModelInfo> models = new LinkedHashMap<>();
        int from = 0;
        while (true) {
            int brace = js.indexOf('{', from);
            if (brace < 0) {
                break;
            }
            from = brace + 1;
            if (!startsWithIdKey(js, brace + 1)) {
                continue;
            }
            JsLiteralParser parser = new JsLiteralParser(js, brace);
            Object value;
            try {
                value = parser.readValue();
            } catch (JsLiteralParser.ParseFailure e) {
                continue;
            }
            if (value instanceof Map<?, ?> map) {
                Optional<ModelInfo> model = toModel(map);
                if (model.isPresent()) {
                    models.putIfAbsent(model.get().id(), model.get());
                    from = parser.position();
                }
            }
        }
        return List.copyOf(models.values());
    }

    /** Whether {@code id:}, {@code "id":} or {@code 'id':} follows (white space allowed). */
    private static boolean startsWithIdKey(String js, int at) {
        int i = skipSpace(js, at);
        if (i < js.length() && (js.charAt(i) == '"' || js.charAt(i) == '\'')) {
            char quote = js.charAt(i);
            if (!js.startsWith("id" + quote, i + 1)) {
                return false;
            }
            i += 4;
        } else if (js.startsWith("id", i)) {
            i += 2;
        } else {
            return false;
        }
        i = skipSpace(js, i);
        return i < js.length() && js.charAt(i) == ':';
    }

    private static int skipSpace(String js, int at) {
        int i = at;
        while (i < js.length() && Character.isWhitespace(js.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Optional<ModelInfo> toModel(Map<?, ?> object) {
        Optional<String> id = text(object.get("id"));
        Optional<String> name = text(object.get("name"));
        boolean looksLikeModel = object.containsKey("cost") || object.containsKey("features")
                || object.containsKey("developer") || object.containsKey("shortDescription")
                || object.containsKey("app");
        if (id.isEmpty() || name.isEmpty() || name.get().isBlank() || !looksLikeModel) {
            return Optional.empty();
        }
        ModelId modelId;
        try {
            modelId = ModelId.of(id.get());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Map<?, ?> app = object.get("app") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> cost = object.get("cost") instanceof Map<?, ?> m ? m : Map.of();
        ModelInfo.Builder model = ModelInfo.builder(modelId, name.get())
                .provider(party(object.get("provider")))
                .developer(party(object.get("developer")))
                .shortDescription(text(object.get("shortDescription")).orElse(""))
                .fullDescription(text(object.get("fullDescription")).orElse(""))
                .flags(flag(object.get("requiresPro")), flag(object.get("premium")), flag(object.get("disabled")),
                        flag(object.get("legacy")))
                .cost(new ModelCost(price(cost.get("input")), price(cost.get("output")), price(cost.get("cacheRead")),
                        price(cost.get("cacheWrite"))))
                .creditAmount(number(object.get("creditAmount")).orElse(null))
                .maxTokens(tokens(app.containsKey("maxInputTokens") ? app.get("maxInputTokens")
                                : object.get("maxInputTokens")),
                        tokens(app.containsKey("maxOutputTokens") ? app.get("maxOutputTokens")
                                : object.get("maxOutputTokens")))
                .features(features(object.get("features")))
                .searchTags(strings(object.get("searchTags")))
                .dates(text(object.get("addedOn")).orElse(null), text(object.get("knowledgeCutoffDate")).orElse(null),
                        text(object.get("retiredOn")).orElse(null))
                .succeededBy(successor(object.containsKey("succeededBy") ? object.get("succeededBy")
                        : object.get("succededBy")));
        return Optional.of(model.build());
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static Optional<BigDecimal> number(Object value) {
        return value instanceof BigDecimal n ? Optional.of(n) : Optional.empty();
    }

    private static boolean flag(Object value) {
        return Boolean.TRUE.equals(value);
    }

    /** A provider or developer: a name, or an object with a name or id. */
    private static String party(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> map) {
            return text(map.get("name")).or(() -> text(map.get("id"))).orElse("");
        }
        return "";
    }

    private static Optional<BigDecimal> price(Object value) {
        return number(value).map(n -> n.compareTo(PER_TOKEN_BELOW) < 0
                ? n.multiply(MILLION, MathContext.DECIMAL64).stripTrailingZeros()
                : n.stripTrailingZeros());
    }

    private static Long tokens(Object value) {
        Optional<BigDecimal> n = number(value);
        if (n.isEmpty() || n.get().signum() < 0) {
            return null;
        }
        try {
            return n.get().toBigIntegerExact().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** Features as a list ({@code new Set([...])} or an array) or as an object of flags. */
    private static Set<String> features(Object value) {
        if (value instanceof Map<?, ?> map) {
            Set<String> on = new LinkedHashSet<>();
            map.forEach((k, v) -> {
                if (Boolean.TRUE.equals(v)) {
                    on.add(String.valueOf(k));
                }
            });
            return on;
        }
        return new LinkedHashSet<>(strings(value));
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s && !s.isBlank()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static ModelId successor(Object value) {
        Optional<String> id = value instanceof Map<?, ?> map ? text(map.get("id")) : text(value);
        try {
            return id.filter(s -> !s.isBlank()).map(ModelId::of).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
