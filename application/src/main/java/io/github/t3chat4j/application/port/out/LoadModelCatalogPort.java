package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.session.Session;
import java.util.List;

/**
 * Reads the model catalogue: the site's live one and the list shipped with the adapter. Which one is
 * used (with the cache of {@link ModelCatalogCachePort}) is decided by the application. Thread-safe.
 */
public interface LoadModelCatalogPort {

    /**
     * The models the site defines today; empty when the site could not be read or parsed (a scrape is
     * best effort).
     *
     * @throws io.github.t3chat4j.application.error.SessionExpiredException when the site rejects the session
     */
    List<ModelInfo> loadSiteModels(Session session);

    /** The list bundled with the adapter; never empty, without prices. */
    List<ModelInfo> loadBundledModels();
}
