package io.github.t3chat4j.domain.catalog;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ModelId;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One model of the t3.chat catalogue. Text fields are empty when the catalogue gives none; everything
 * else that may be missing is an {@code Optional}. Build one with {@link #builder(ModelId, String)}.
 *
 * @param features what the model can do, such as {@code "images"}, {@code "reasoning"} or
 *     {@code "imageGeneration"}, as the catalogue names them
 * @param addedOn the date the catalogue gives, as written (such as {@code "2025-06-17"})
 * @param status the live status joined in by name, when one matched
 */
public record ModelInfo(
        ModelId id,
        String name,
        String provider,
        String developer,
        String shortDescription,
        String fullDescription,
        boolean requiresPro,
        boolean premium,
        boolean disabled,
        boolean legacy,
        ModelCost cost,
        Optional<BigDecimal> creditAmount,
        OptionalLong maxInputTokens,
        OptionalLong maxOutputTokens,
        Set<String> features,
        List<String> searchTags,
        Optional<String> addedOn,
        Optional<String> knowledgeCutoffDate,
        Optional<String> retiredOn,
        Optional<ModelId> succeededBy,
        Optional<ModelStatus> status) {

    public ModelInfo {
        requireNonNull(id, "id == null");
        requireNonNull(name, "name == null");
        requireNonNull(provider, "provider == null");
        requireNonNull(developer, "developer == null");
        requireNonNull(shortDescription, "shortDescription == null");
        requireNonNull(fullDescription, "fullDescription == null");
        requireNonNull(cost, "cost == null");
        requireNonNull(creditAmount, "creditAmount == null");
        requireNonNull(maxInputTokens, "maxInputTokens == null");
        requireNonNull(maxOutputTokens, "maxOutputTokens == null");
        // In the catalogue's order: Set.copyOf would iterate in an order that changes from one JVM to the next.
        features = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(features,
                "features == null")));
        features.forEach(feature -> requireNonNull(feature, "a feature is null"));
        searchTags = List.copyOf(requireNonNull(searchTags, "searchTags == null"));
        requireNonNull(addedOn, "addedOn == null");
        requireNonNull(knowledgeCutoffDate, "knowledgeCutoffDate == null");
        requireNonNull(retiredOn, "retiredOn == null");
        requireNonNull(succeededBy, "succeededBy == null");
        requireNonNull(status, "status == null");
    }

    public static Builder builder(ModelId id, String name) {
        return new Builder(id, name);
    }

    /** Whether the model answers with images rather than text. */
    public boolean generatesImages() {
        return features.stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("imagegen")
                || f.equalsIgnoreCase("image-generation"));
    }

    /** This model with its live status. */
    public ModelInfo withStatus(ModelStatus value) {
        return new ModelInfo(id, name, provider, developer, shortDescription, fullDescription, requiresPro, premium,
                disabled, legacy, cost, creditAmount, maxInputTokens, maxOutputTokens, features, searchTags, addedOn,
                knowledgeCutoffDate, retiredOn, succeededBy, Optional.of(value));
    }

    /** Builds a {@link ModelInfo}; everything but the id and name defaults to empty or false. */
    public static final class Builder {
        private final ModelId id;
        private final String name;
        private String provider = "";
        private String developer = "";
        private String shortDescription = "";
        private String fullDescription = "";
        private boolean requiresPro;
        private boolean premium;
        private boolean disabled;
        private boolean legacy;
        private ModelCost cost = ModelCost.UNKNOWN;
        private Optional<BigDecimal> creditAmount = Optional.empty();
        private OptionalLong maxInputTokens = OptionalLong.empty();
        private OptionalLong maxOutputTokens = OptionalLong.empty();
        private Set<String> features = Set.of();
        private List<String> searchTags = List.of();
        private Optional<String> addedOn = Optional.empty();
        private Optional<String> knowledgeCutoffDate = Optional.empty();
        private Optional<String> retiredOn = Optional.empty();
        private Optional<ModelId> succeededBy = Optional.empty();

        private Builder(ModelId id, String name) {
            this.id = requireNonNull(id, "id == null");
            this.name = requireNonNull(name, "name == null");
        }

        public Builder provider(String value) {
            this.provider = requireNonNull(value, "provider == null");
            return this;
        }

        public Builder developer(String value) {
            this.developer = requireNonNull(value, "developer == null");
            return this;
        }

        public Builder shortDescription(String value) {
            this.shortDescription = requireNonNull(value, "shortDescription == null");
            return this;
        }

        public Builder fullDescription(String value) {
            this.fullDescription = requireNonNull(value, "fullDescription == null");
            return this;
        }

        public Builder flags(boolean requiresPro, boolean premium, boolean disabled, boolean legacy) {
            this.requiresPro = requiresPro;
            this.premium = premium;
            this.disabled = disabled;
            this.legacy = legacy;
            return this;
        }

        public Builder cost(ModelCost value) {
            this.cost = requireNonNull(value, "cost == null");
            return this;
        }

        public Builder creditAmount(BigDecimal value) {
            this.creditAmount = Optional.ofNullable(value);
            return this;
        }

        public Builder maxTokens(Long input, Long output) {
            this.maxInputTokens = input == null ? OptionalLong.empty() : OptionalLong.of(input);
            this.maxOutputTokens = output == null ? OptionalLong.empty() : OptionalLong.of(output);
            return this;
        }

        public Builder features(Set<String> value) {
            this.features = requireNonNull(value, "features == null");
            return this;
        }

        public Builder searchTags(List<String> value) {
            this.searchTags = requireNonNull(value, "searchTags == null");
            return this;
        }

        /** Dates as the catalogue writes them; null for unknown. */
        public Builder dates(String addedOn, String knowledgeCutoffDate, String retiredOn) {
            this.addedOn = Optional.ofNullable(addedOn);
            this.knowledgeCutoffDate = Optional.ofNullable(knowledgeCutoffDate);
            this.retiredOn = Optional.ofNullable(retiredOn);
            return this;
        }

        public Builder succeededBy(ModelId value) {
            this.succeededBy = Optional.ofNullable(value);
            return this;
        }

        public ModelInfo build() {
            return new ModelInfo(id, name, provider, developer, shortDescription, fullDescription, requiresPro,
                    premium, disabled, legacy, cost, creditAmount, maxInputTokens, maxOutputTokens, features,
                    searchTags, addedOn, knowledgeCutoffDate, retiredOn, succeededBy, Optional.empty());
        }
    }
}
