package io.github.t3chat4j.adapter.http.internal.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.session.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The model catalogue, read from t3.chat's JavaScript (PROTOCOL.md 6): {@code GET /} with the cookie,
 * then each {@code /assets/….js} chunk the page links (at most {@value #MAX_CHUNKS}, each at most
 * {@value #MAX_CHUNK_BYTES} bytes), scanned for model definitions; and the bundled list. Which one
 * is used (and the cache) is the application's decision. Only a rejected session (401/403 on the home
 * page) throws. Thread-safe.
 */
final class HttpModelCatalogAdapter implements LoadModelCatalogPort {

    static final String FALLBACK_RESOURCE = "fallback-models.json";
    static final int MAX_CHUNKS = 40;
    static final long MAX_CHUNK_BYTES = 8L * 1024 * 1024;

    private final HttpConfig config;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper;
    private final int maxChunks;
    private final long maxChunkBytes;

    HttpModelCatalogAdapter(HttpConfig config, CloseableHttpClient http, ObjectMapper mapper) {
        this(config, http, mapper, MAX_CHUNKS, MAX_CHUNK_BYTES);
    }

    /** With other bounds on the chunks read, for tests. */
    HttpModelCatalogAdapter(HttpConfig config, CloseableHttpClient http, ObjectMapper mapper, int maxChunks,
            long maxChunkBytes) {
        this.config = requireNonNull(config, "config == null");
        this.http = requireNonNull(http, "http == null");
        this.mapper = requireNonNull(mapper, "mapper == null");
        this.maxChunks = maxChunks;
        this.maxChunkBytes = maxChunkBytes;
    }

    /** The models of every chunk, first definition of an id winning; empty when nothing could be read. */
    @Override
    public List<ModelInfo> loadSiteModels(Session session) {
        requireNonNull(session, "session == null");
        Optional<String> home = get("/", session, maxChunkBytes, true);
        if (home.isEmpty()) {
            return List.of();
        }
        Map<String, ModelInfo> models = new LinkedHashMap<>();
        for (String chunk : chunkPaths(home.get(), maxChunks)) {
            get(chunk, session, maxChunkBytes, false).ifPresent(js -> {
                for (ModelInfo model : ModelDefinitionScanner.scan(js)) {
                    models.putIfAbsent(model.id().value(), model);
                }
            });
        }
        return List.copyOf(models.values());
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

    /** The body of a 2xx answer, empty on any failure; a 401/403 home page throws. */
    private Optional<String> get(String path, Session session, long maxBytes, boolean isHomePage) {
        HttpGet request;
        try {
            request = new HttpGet(URI.create(config.baseUrl() + path));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (isHomePage) {
            // Static chunks need no session: the cookie goes only where the site checks it.
            request.setHeader("Cookie", session.cookies().headerValue());
        }
        request.setHeader("User-Agent", config.userAgent());
        request.setHeader("Referer", config.baseUrl() + "/");
        request.setHeader("Accept", isHomePage ? "text/html,application/xhtml+xml,*/*;q=0.8" : "*/*");
        try {
            return http.execute(request, response -> {
                int status = response.getCode();
                if (isHomePage && (status == 401 || status == 403)) {
                    throw new SessionExpiredSignal(status);
                }
                HttpEntity entity = response.getEntity();
                if (status / 100 != 2 || entity == null) {
                    return Optional.empty();
                }
                try (InputStream in = entity.getContent()) {
                    return readBounded(in, maxBytes);
                }
            });
        } catch (SessionExpiredSignal e) {
            throw SessionExpiredException.forStatus(e.status);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readBounded(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + (long) n > maxBytes) {
                return Optional.empty();
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    @Override
    public List<ModelInfo> loadBundledModels() {
        return bundled(mapper);
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

    /** Carries a 401/403 out of the response handler, past the catch-all for other failures. */
    private static final class SessionExpiredSignal extends RuntimeException {
        private final int status;

        SessionExpiredSignal(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }
}
