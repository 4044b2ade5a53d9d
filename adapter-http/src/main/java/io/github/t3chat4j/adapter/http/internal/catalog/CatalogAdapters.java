package io.github.t3chat4j.adapter.http.internal.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The model-catalogue port for programs without Guice, over a client the caller owns (and closes);
 * {@link io.github.t3chat4j.adapter.http.HttpAdapters} hands it out.
 */
public final class CatalogAdapters {

    private CatalogAdapters() {
    }

    public static LoadModelCatalogPort modelCatalog(HttpConfig config, CloseableHttpClient http, ObjectMapper mapper) {
        return new HttpModelCatalogAdapter(requireNonNull(config, "config == null"), requireNonNull(http, "http == null"),
                requireNonNull(mapper, "mapper == null"));
    }
}
