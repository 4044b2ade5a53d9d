/**
 * Driven ports: what the core needs from the outside world (the chat transport, session renewal,
 * image fetching and storage, conversation storage). Adapters implement them; tests pass fakes.
 */
package io.github.t3chat4j.application.port.out;
