/**
 * Not API. The model catalogue (PROTOCOL.md 6): t3.chat has no models endpoint, so the catalogue is
 * read from the JavaScript chunks its home page links, with a small tolerant parser for the minified
 * object literals that define the models, and a bundled fallback list.
 */
package io.github.t3chat4j.adapter.http.internal.catalog;
