/**
 * The driving adapter for the terminal: picocli commands, rendering of reply events, error-to-exit-code
 * mapping. It reaches the core only through the driving side: {@link io.github.t3chat4j.application.T3Client},
 * {@link io.github.t3chat4j.application.LocalClient} and the {@code port.in} use cases, obtained from the
 * {@link io.github.t3chat4j.adapter.cli.Services} that the composition root provides per
 * {@link io.github.t3chat4j.adapter.cli.Profile}.
 */
package io.github.t3chat4j.adapter.cli;
