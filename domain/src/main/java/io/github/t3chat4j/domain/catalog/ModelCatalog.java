package io.github.t3chat4j.domain.catalog;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ModelId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The models t3.chat offers, in catalogue order, one per id, and where the list came from. Knows how
 * to find a model by id and to suggest the closest id for a typo.
 */
public record ModelCatalog(List<ModelInfo> models, Source source) {

    /** Where a catalogue came from. */
    public enum Source {
        /** Read from t3.chat's JavaScript just now. */
        SCRAPED,
        /** Read from t3.chat's JavaScript earlier and kept on disk. */
        CACHED,
        /** The list shipped with t3chat4j, used when nothing could be read. */
        BUNDLED
    }

    /** A suggestion is offered only when at most this many single-character edits separate the ids. */
    static final int MAX_SUGGESTION_DISTANCE = 3;

    public ModelCatalog {
        requireNonNull(models, "models == null");
        requireNonNull(source, "source == null");
        Map<ModelId, ModelInfo> unique = new LinkedHashMap<>();
        for (ModelInfo model : models) {
            unique.putIfAbsent(requireNonNull(model, "model == null").id(), model);
        }
        models = List.copyOf(unique.values());
    }

    /** The model with exactly this id (ignoring case and surrounding white space). */
    public Optional<ModelInfo> find(String id) {
        requireNonNull(id, "id == null");
        String wanted = id.strip();
        return models.stream().filter(m -> m.id().value().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The ids, in catalogue order. */
    public List<ModelId> ids() {
        return models.stream().map(ModelInfo::id).toList();
    }

    /**
     * The catalogue id closest to {@code typed} by edit distance (Levenshtein, case-insensitive), when
     * it is close enough to be a plausible typo; ties go to the earlier model.
     */
    public Optional<ModelId> closestTo(String typed) {
        requireNonNull(typed, "typed == null");
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        ModelId best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ModelInfo model : models) {
            int distance = EditDistance.between(wanted, model.id().value().toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = model.id();
                bestDistance = distance;
            }
        }
        int allowed = Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, wanted.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * The {@code limit} catalogue ids nearest to {@code typed} by edit distance (case-insensitive), nearest
     * first, however far: what to offer for an id that is not in the catalogue. Ties keep catalogue order.
     */
    public List<ModelId> nearest(String typed, int limit) {
        requireNonNull(typed, "typed == null");
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        return models.stream()
                .sorted(java.util.Comparator.comparingInt((ModelInfo model) -> EditDistance.between(wanted,
                        model.id().value().toLowerCase(Locale.ROOT))))
                .limit(Math.max(0, limit)).map(ModelInfo::id).toList();
    }

    /** This catalogue with each status joined to the model whose name or id matches it (ignoring case). */
    public ModelCatalog withStatuses(List<ModelStatus> statuses) {
        requireNonNull(statuses, "statuses == null");
        List<ModelInfo> joined = new ArrayList<>(models.size());
        for (ModelInfo model : models) {
            ModelInfo result = model;
            for (ModelStatus status : statuses) {
                if (status.name().equalsIgnoreCase(model.name()) || status.name().equalsIgnoreCase(model.id().value())) {
                    result = model.withStatus(status);
                    break;
                }
            }
            joined.add(result);
        }
        return new ModelCatalog(joined, source);
    }
}
