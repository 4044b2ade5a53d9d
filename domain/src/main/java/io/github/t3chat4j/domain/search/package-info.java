/**
 * Full-text search over the stored conversations: the query language ({@link
 * io.github.t3chat4j.domain.search.SearchQuery}), and what a search finds (a {@link
 * io.github.t3chat4j.domain.search.SearchPage} of {@link io.github.t3chat4j.domain.search.SearchHit}s, each with a
 * highlighted {@link io.github.t3chat4j.domain.search.Snippet}).
 */
package io.github.t3chat4j.domain.search;
