package io.github.t3chat4j.domain.catalog;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ModelId;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One model of the t3.chat catalogue. Text fields are empty when the catalogue gives none; everything
 * else that may be missing is an {@code Optional}. Immutable; build one with
 * {@link #builder(ModelId, String)} (a new field of the catalogue is a new builder method, never a
 * broken caller).
 */
public final class ModelInfo {

    private final ModelId id;
    private final String name;
    private final String provider;
    private final String developer;
    private final String shortDescription;
    private final String fullDescription;
    private final boolean requiresPro;
    private final boolean premium;
    private final boolean disabled;
    private final boolean legacy;
    private final ModelCost cost;
    private final Optional<BigDecimal> creditAmount;
    private final OptionalLong maxInputTokens;
    private final OptionalLong maxOutputTokens;
    private final Set<String> features;
    private final List<String> searchTags;
    private final Optional<String> addedOn;
    private final Optional<String> knowledgeCutoffDate;
    private final Optional<String> retiredOn;
    private final Optional<ModelId> succeededBy;
    private final Optional<ModelStatus> status;

    private ModelInfo(Builder b, Optional<ModelStatus> status) {
        this.id = b.id;
        this.name = b.name;
        this.provider = b.provider;
        this.developer = b.developer;
        this.shortDescription = b.shortDescription;
        this.fullDescription = b.fullDescription;
        this.requiresPro = b.requiresPro;
        this.premium = b.premium;
        this.disabled = b.disabled;
        this.legacy = b.legacy;
        this.cost = b.cost;
        this.creditAmount = b.creditAmount;
        this.maxInputTokens = b.maxInputTokens;
        this.maxOutputTokens = b.maxOutputTokens;
        // In the catalogue's order: Set.copyOf would iterate in an order that changes from one JVM to the next.
        this.features = Collections.unmodifiableSet(new LinkedHashSet<>(b.features));
        this.features.forEach(feature -> requireNonNull(feature, "a feature is null"));
        this.searchTags = List.copyOf(b.searchTags);
        this.addedOn = b.addedOn;
        this.knowledgeCutoffDate = b.knowledgeCutoffDate;
        this.retiredOn = b.retiredOn;
        this.succeededBy = b.succeededBy;
        this.status = requireNonNull(status, "status == null");
    }

    /**
     * A builder of the model {@code id} called {@code name}; everything else defaults to empty or false.
     *
     * @param id the model id
     * @param name the name to show
     * @return the builder
     */
    public static Builder builder(ModelId id, String name) {
        return new Builder(id, name);
    }

    /** @return a builder holding this model's values (its live status is not carried over) */
    public Builder toBuilder() {
        return new Builder(id, name).provider(provider).developer(developer).shortDescription(shortDescription)
                .fullDescription(fullDescription).flags(requiresPro, premium, disabled, legacy).cost(cost)
                .creditAmount(creditAmount.orElse(null))
                .maxTokens(maxInputTokens.isPresent() ? maxInputTokens.getAsLong() : null,
                        maxOutputTokens.isPresent() ? maxOutputTokens.getAsLong() : null)
                .features(features).searchTags(searchTags)
                .dates(addedOn.orElse(null), knowledgeCutoffDate.orElse(null), retiredOn.orElse(null))
                .succeededBy(succeededBy.orElse(null));
    }

    /** @return the model id */
    public ModelId id() {
        return id;
    }

    /** @return the name to show */
    public String name() {
        return name;
    }

    /** @return who serves it ("" when unknown) */
    public String provider() {
        return provider;
    }

    /** @return who made it ("" when unknown) */
    public String developer() {
        return developer;
    }

    /** @return one line about it ("" when none) */
    public String shortDescription() {
        return shortDescription;
    }

    /** @return a paragraph about it ("" when none) */
    public String fullDescription() {
        return fullDescription;
    }

    /** @return whether it needs a paid plan */
    public boolean requiresPro() {
        return requiresPro;
    }

    /** @return whether it costs premium credits */
    public boolean premium() {
        return premium;
    }

    /** @return whether t3.chat has it switched off */
    public boolean disabled() {
        return disabled;
    }

    /** @return whether it is an older model kept for now */
    public boolean legacy() {
        return legacy;
    }

    /** @return what it costs per million tokens */
    public ModelCost cost() {
        return cost;
    }

    /** @return the credits one message costs, when the catalogue says */
    public Optional<BigDecimal> creditAmount() {
        return creditAmount;
    }

    /** @return the largest input, in tokens, when known */
    public OptionalLong maxInputTokens() {
        return maxInputTokens;
    }

    /** @return the largest output, in tokens, when known */
    public OptionalLong maxOutputTokens() {
        return maxOutputTokens;
    }

    /** @return what it can do, such as {@code "images"}, {@code "reasoning"} or {@code "imageGeneration"}, as the catalogue names them */
    public Set<String> features() {
        return features;
    }

    /** @return words it is found by */
    public List<String> searchTags() {
        return searchTags;
    }

    /** @return the date the catalogue gives, as written (such as {@code "2025-06-17"}) */
    public Optional<String> addedOn() {
        return addedOn;
    }

    /** @return its knowledge cut-off, as written */
    public Optional<String> knowledgeCutoffDate() {
        return knowledgeCutoffDate;
    }

    /** @return when it is or was retired, as written */
    public Optional<String> retiredOn() {
        return retiredOn;
    }

    /** @return the model that replaces it */
    public Optional<ModelId> succeededBy() {
        return succeededBy;
    }

    /** @return the live status joined in by name, when one matched */
    public Optional<ModelStatus> status() {
        return status;
    }

    /** @return whether the model answers with images rather than text */
    public boolean generatesImages() {
        return features.stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("imagegen")
                || f.equalsIgnoreCase("image-generation"));
    }

    /**
     * @param value the model's live status
     * @return this model with it
     */
    public ModelInfo withStatus(ModelStatus value) {
        return new ModelInfo(toBuilder(), Optional.of(requireNonNull(value, "value == null")));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelInfo o && o.id.equals(id) && o.name.equals(name) && o.provider.equals(provider) && o.developer.equals(developer) && o.shortDescription.equals(shortDescription) && o.fullDescription.equals(fullDescription) && o.requiresPro == requiresPro && o.premium == premium && o.disabled == disabled && o.legacy == legacy && o.cost.equals(cost) && o.creditAmount.equals(creditAmount) && o.maxInputTokens.equals(maxInputTokens) && o.maxOutputTokens.equals(maxOutputTokens) && o.features.equals(features) && o.searchTags.equals(searchTags) && o.addedOn.equals(addedOn) && o.knowledgeCutoffDate.equals(knowledgeCutoffDate) && o.retiredOn.equals(retiredOn) && o.succeededBy.equals(succeededBy) && o.status.equals(status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, provider, developer, shortDescription, fullDescription, requiresPro, premium, disabled, legacy, cost, creditAmount, maxInputTokens, maxOutputTokens, features, searchTags, addedOn, knowledgeCutoffDate, retiredOn, succeededBy, status);
    }

    @Override
    public String toString() {
        return "ModelInfo[" + "id=" + id + ", " + "name=" + name + ", " + "provider=" + provider + ", " + "developer=" + developer + "]";
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

        /**
         * @param value who serves it
         * @return this builder
         */
        public Builder provider(String value) {
            this.provider = requireNonNull(value, "provider == null");
            return this;
        }

        /**
         * @param value who made it
         * @return this builder
         */
        public Builder developer(String value) {
            this.developer = requireNonNull(value, "developer == null");
            return this;
        }

        /**
         * @param value one line about it
         * @return this builder
         */
        public Builder shortDescription(String value) {
            this.shortDescription = requireNonNull(value, "shortDescription == null");
            return this;
        }

        /**
         * @param value a paragraph about it
         * @return this builder
         */
        public Builder fullDescription(String value) {
            this.fullDescription = requireNonNull(value, "fullDescription == null");
            return this;
        }

        /**
         * @param requiresPro whether it needs a paid plan
         * @param premium whether it costs premium credits
         * @param disabled whether t3.chat has it switched off
         * @param legacy whether it is an older model kept for now
         * @return this builder
         */
        public Builder flags(boolean requiresPro, boolean premium, boolean disabled, boolean legacy) {
            this.requiresPro = requiresPro;
            this.premium = premium;
            this.disabled = disabled;
            this.legacy = legacy;
            return this;
        }

        /**
         * @param value what it costs per million tokens
         * @return this builder
         */
        public Builder cost(ModelCost value) {
            this.cost = requireNonNull(value, "cost == null");
            return this;
        }

        /**
         * @param value the credits one message costs, or null when unknown
         * @return this builder
         */
        public Builder creditAmount(BigDecimal value) {
            this.creditAmount = Optional.ofNullable(value);
            return this;
        }

        /**
         * @param input the largest input in tokens, or null when unknown
         * @param output the largest output in tokens, or null when unknown
         * @return this builder
         */
        public Builder maxTokens(Long input, Long output) {
            this.maxInputTokens = input == null ? OptionalLong.empty() : OptionalLong.of(input);
            this.maxOutputTokens = output == null ? OptionalLong.empty() : OptionalLong.of(output);
            return this;
        }

        /**
         * @param value what it can do, as the catalogue names it
         * @return this builder
         */
        public Builder features(Set<String> value) {
            this.features = requireNonNull(value, "features == null");
            return this;
        }

        /**
         * @param value words it is found by
         * @return this builder
         */
        public Builder searchTags(List<String> value) {
            this.searchTags = requireNonNull(value, "searchTags == null");
            return this;
        }

        /**
         * Dates as the catalogue writes them.
         *
         * @param addedOn when it was added, or null
         * @param knowledgeCutoffDate its knowledge cut-off, or null
         * @param retiredOn when it is retired, or null
         * @return this builder
         */
        public Builder dates(String addedOn, String knowledgeCutoffDate, String retiredOn) {
            this.addedOn = Optional.ofNullable(addedOn);
            this.knowledgeCutoffDate = Optional.ofNullable(knowledgeCutoffDate);
            this.retiredOn = Optional.ofNullable(retiredOn);
            return this;
        }

        /**
         * @param value the model that replaces it, or null
         * @return this builder
         */
        public Builder succeededBy(ModelId value) {
            this.succeededBy = Optional.ofNullable(value);
            return this;
        }

        /** @return the model */
        public ModelInfo build() {
            return new ModelInfo(this, Optional.empty());
        }
    }
}
