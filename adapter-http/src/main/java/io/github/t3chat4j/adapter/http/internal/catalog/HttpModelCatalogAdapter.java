package io.github.t3chat4j.adapter.http.internal.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.HttpCall;
import io.github.t3chat4j.adapter.http.internal.HttpPipeline;
import io.github.t3chat4j.adapter.http.internal.SiteRequests;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.session.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model catalogue, read from t3.chat's JavaScript (PROTOCOL.md 6) through the pipeline:
 * {@code GET /} with the cookie, then each {@code /assets/….js} chunk the page links without it (at most
 * {@value #MAX_CHUNKS}, each at most {@value #MAX_CHUNK_BYTES} bytes), scanned for model definitions;
 * and the bundled list. Which one is used (and the cache) is the application's decision. A scrape is
 * best effort: only a rejected session (401, or 403 with JSON, on the home page) throws; an anonymous
 * session sends no cookie and finds the page unreadable instead. Thread-safe.
 */
public final class HttpModelCatalogAdapter implements LoadModelCatalogPort {

    static final String FALLBACK_RESOURCE = "fallback-models.json";
    static final int MAX_CHUNKS = 40;
    static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;

    private final HttpPipeline pipeline;
    private final SiteRequests site;
    private final ObjectMapper mapper;
    private final int maxChunks;
    private final int maxChunkBytes;

    public HttpModelCatalogAdapter(HttpPipeline pipeline, SiteRequests site, ObjectMapper mapper) {
        this(pipeline, site, mapper, MAX_CHUNKS, MAX_CHUNK_BYTES);
    }

    /** With other bounds on the chunks read, for tests. */
    HttpModelCatalogAdapter(HttpPipeline pipeline, SiteRequests site, ObjectMapper mapper, int maxChunks,
            int maxChunkBytes) {
        this.pipeline = requireNonNull(pipeline, "pipeline == null");
        this.site = requireNonNull(site, "site == null");
        this.mapper = requireNonNull(mapper, "mapper == null");
        this.maxChunks = maxChunks;
        this.maxChunkBytes = maxChunkBytes;
    }

    /** The models of every chunk, first definition of an id winning; empty when nothing could be read. */
    @Override
    public List<ModelInfo> loadSiteModels(Session session) {
        requireNonNull(session, "session == null");
        Optional<String> home = homePage(session);
        if (home.isEmpty()) {
            return List.of();
        }
        Map<String, ModelInfo> models = new LinkedHashMap<>();
        for (String chunk : chunkPaths(home.get(), maxChunks)) {
            chunk(chunk).ifPresent(js -> {
                for (ModelInfo model : ModelDefinitionScanner.scan(js)) {
                    models.putIfAbsent(model.id().value(), model);
                }
            });
        }
        return List.copyOf(models.values());
    }

    @Override
    public List<ModelInfo> loadBundledModels() {
        return bundled(mapper);
    }

    /** The home page; empty when it cannot be read, but a rejected session (not an anonymous one) throws. */
    private Optional<String> homePage(Session session) {
        try {
            return read(site.home(session));
        } catch (SessionExpiredException rejected) {
            if (session.isAnonymous()) {
                // A site that wants a sign-in to show its page has no catalogue for a client without one.
                return Optional.empty();
            }
            throw rejected;
        } catch (T3ChatException unreadable) {
            return Optional.empty();
        }
    }

    /** A chunk's text; empty when it cannot be read or is too big. */
    private Optional<String> chunk(String path) {
        try {
            return read(site.asset(path));
        } catch (IllegalArgumentException | T3ChatException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<String> read(HttpCall call) {
        return pipeline.open(call).readBody(maxChunkBytes).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * The same-origin JavaScript chunks the page links, in order: {@code src} and {@code href}
     * attributes whose path starts with {@code /assets/} and ends in {@code .js}.
     */
    static List<String> chunkPaths(String html, int max) {
        Set<String> paths = new LinkedHashSet<>();
        for (String attribute : List.of("src=", "href=")) {
            int from = 0;
            while (paths.size() < max) {
                int at = html.indexOf(attribute, from);
                if (at < 0) {
                    break;
                }
                from = at + attribute.length();
                attributeValue(html, from).filter(HttpModelCatalogAdapter::isChunkPath).ifPresent(paths::add);
            }
        }
        return new ArrayList<>(paths).subList(0, Math.min(max, paths.size()));
    }

    private static Optional<String> attributeValue(String html, int at) {
        if (at >= html.length()) {
            return Optional.empty();
        }
        char quote = html.charAt(at);
        if (quote == '"' || quote == '\'') {
            int end = html.indexOf(quote, at + 1);
            return end < 0 ? Optional.empty() : Optional.of(html.substring(at + 1, end).strip());
        }
        int end = at;
        while (end < html.length() && !Character.isWhitespace(html.charAt(end)) && html.charAt(end) != '>') {
            end++;
        }
        return Optional.of(html.substring(at, end));
    }

    private static boolean isChunkPath(String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return path.startsWith("/assets/") && withoutQuery.endsWith(".js") && !path.contains("..")
                && path.chars().noneMatch(c -> c == '\\' || Character.isWhitespace(c));
    }

    /** The list shipped with t3chat4j. */
    static List<ModelInfo> bundled(ObjectMapper mapper) {
        try (InputStream in = HttpModelCatalogAdapter.class.getResourceAsStream(FALLBACK_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled model list " + FALLBACK_RESOURCE + " is missing");
            }
            ModelInfoDto[] models = mapper.readValue(in, ModelInfoDto[].class);
            List<ModelInfo> out = new ArrayList<>(models.length);
            for (ModelInfoDto model : models) {
                out.add(model.toDomain());
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled model list could not be read", e);
        }
    }
}
