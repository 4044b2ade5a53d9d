/**
 * Internal: the use cases as interfaces, with their commands and queries; programs reach them through
 * {@code T3Client}, {@code Chat}, {@code AccountClient} and {@code LocalClient}.
 */
package io.github.t3chat4j.application.internal.usecase;
