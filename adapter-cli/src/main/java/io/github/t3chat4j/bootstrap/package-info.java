/**
 * The composition root: {@link io.github.t3chat4j.bootstrap.Main} hands the CLI its context, whose
 * services build a Guice injector per connection from the application, storage and HTTP modules (and,
 * in the demo, start the bundled fake t3.chat).
 */
package io.github.t3chat4j.bootstrap;
