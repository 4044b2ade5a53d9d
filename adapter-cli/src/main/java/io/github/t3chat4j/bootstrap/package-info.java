/**
 * The composition root: {@link io.github.t3chat4j.bootstrap.Main} builds the Guice injector from the
 * adapter modules, starts the fake server in demo mode, and hands the CLI its context.
 */
package io.github.t3chat4j.bootstrap;
