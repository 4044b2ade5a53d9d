package io.github.t3chat4j.adapter.http.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the last scraped catalogue in one JSON file, per base URL, for {@code maxAge}. A cache is a
 * convenience: a file that is missing, unreadable or from another base URL reads as empty, and a write
 * that fails is dropped. Writes go to a temporary file that is moved into place.
 */
final class ModelCatalogCache {

    static final String FILE_NAME = "model-catalog.json";

    private final Path file;
    private final Duration maxAge;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final String baseUrl;

    ModelCatalogCache(Path directory, Duration maxAge, Clock clock, ObjectMapper mapper, String baseUrl) {
        this.file = requireNonNull(directory, "directory == null").resolve(FILE_NAME);
        this.maxAge = requireNonNull(maxAge, "maxAge == null");
        this.clock = requireNonNull(clock, "clock == null");
        this.mapper = requireNonNull(mapper, "mapper == null");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl == null");
    }

    /** The cached models, when they were written less than {@code maxAge} ago. */
    Optional<List<ModelInfo>> readFresh() {
        return read().filter(c -> !clock.instant().isAfter(c.fetchedAt().plus(maxAge))
                && !c.fetchedAt().isAfter(clock.instant().plus(maxAge))).map(CachedCatalog::models);
    }

    /** The cached models, however old. */
    Optional<List<ModelInfo>> readAny() {
        return read().map(CachedCatalog::models);
    }

    void write(List<ModelInfo> models) {
        CacheFileDto dto = new CacheFileDto(baseUrl, clock.instant().toString(),
                models.stream().map(ModelInfoDto::from).toList());
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                mapper.writeValue(temp.toFile(), dto);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only costs a scrape next time.
        }
    }

    private Optional<CachedCatalog> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            CacheFileDto dto = mapper.readValue(file.toFile(), CacheFileDto.class);
            if (dto == null || !baseUrl.equals(dto.baseUrl()) || dto.models() == null || dto.models().isEmpty()) {
                return Optional.empty();
            }
            List<ModelInfo> models = new ArrayList<>();
            for (ModelInfoDto model : dto.models()) {
                models.add(model.toDomain());
            }
            return Optional.of(new CachedCatalog(Instant.parse(dto.fetchedAt()), List.copyOf(models)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private record CachedCatalog(Instant fetchedAt, List<ModelInfo> models) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CacheFileDto(String baseUrl, String fetchedAt, List<ModelInfoDto> models) {
    }
}
