package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.CachedModelCatalog;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the last model catalogue read from one site in a JSON file ({@code model-catalog.json} in the
 * cache folder), written through {@link AtomicFiles}. The file names the site's base URL, so a catalogue of
 * another site (the demo server, say) never reads as this one's. A cache is a convenience: a missing,
 * unreadable, oversized or corrupt file reads as empty; only a failed write is reported.
 */
final class FileModelCatalogCacheAdapter implements ModelCatalogCachePort {

    /** Far above any real catalogue (a few hundred KiB); a bigger file is not read at all. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Path file;
    private final String baseUrl;
    private final ModelCatalogJson json;
    private final AtomicFiles files;

    FileModelCatalogCacheAdapter(Path file, URI baseUrl, ModelCatalogJson json, AtomicFiles files) {
        this.file = requireNonNull(file, "file == null").toAbsolutePath().normalize();
        this.baseUrl = key(requireNonNull(baseUrl, "baseUrl == null"));
        this.json = requireNonNull(json, "json == null");
        this.files = requireNonNull(files, "files == null");
    }

    /** The base URL as the file records it: without a trailing slash, so both spellings are one site. */
    static String key(URI baseUrl) {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public Optional<CachedModelCatalog> loadCachedCatalog() {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return json.read(Files.readAllBytes(file), baseUrl);
        } catch (IOException | RuntimeException unusable) {
            // Whatever is wrong with a cache (gone, unreadable, damaged, an invalid model) costs one read
            // of the site; it is never the user's problem.
            return Optional.empty();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws StorageException naming the file and the cause
     */
    @Override
    public void saveCachedCatalog(CachedModelCatalog catalog) {
        requireNonNull(catalog, "catalog == null");
        files.write(file, out -> json.write(baseUrl, catalog, out));
    }

    @Override
    public String toString() {
        return "FileModelCatalogCacheAdapter[" + file + "]";
    }
}
