/**
 * The model catalogue (PROTOCOL.md 6): t3.chat has no models endpoint, so the catalogue is read from
 * the JavaScript chunks its home page links, with a small tolerant parser for the minified object
 * literals that define the models, a bundled fallback list, and an optional one-day disk cache.
 * Everything here is package-private except {@link io.github.t3chat4j.adapter.http.catalog.CatalogModule}
 * and {@link io.github.t3chat4j.adapter.http.catalog.CatalogConfig}.
 */
package io.github.t3chat4j.adapter.http.catalog;
