package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.session.Session;

/**
 * Reads the model catalogue. Never empty: when the live catalogue cannot be read or parsed an
 * implementation falls back to a bundled list (and says so in {@link ModelCatalog#source()}), so it
 * throws only for a rejected session. Thread-safe.
 */
@FunctionalInterface
public interface LoadModelCatalogPort {

    ModelCatalog loadModelCatalog(Session session);
}
