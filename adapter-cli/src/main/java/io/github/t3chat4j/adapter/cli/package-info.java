/**
 * The driving adapter for the terminal: picocli commands, rendering of reply events, error-to-exit-code
 * mapping. It reaches the core only through {@link io.github.t3chat4j.application.T3Client} and the
 * {@link io.github.t3chat4j.adapter.cli.ClientFactory} that the composition root implements.
 */
package io.github.t3chat4j.adapter.cli;
