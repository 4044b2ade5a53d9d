/**
 * A fake t3.chat on loopback for tests and the offline demo: {@link io.github.t3chat4j.testkit.FakeT3Server}
 * speaks PROTOCOL.md over real sockets, records what it received, and answers chat requests with
 * scripted {@link io.github.t3chat4j.testkit.ChatScenario}s.
 */
package io.github.t3chat4j.testkit;
