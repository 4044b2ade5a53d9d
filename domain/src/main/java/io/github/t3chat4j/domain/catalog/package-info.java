/**
 * The model catalogue: what t3.chat offers ({@link ModelInfo}), its live status and benchmarks, and
 * the rule that resolves a typed model id against the catalogue with a "did you mean" suggestion.
 */
package io.github.t3chat4j.domain.catalog;
