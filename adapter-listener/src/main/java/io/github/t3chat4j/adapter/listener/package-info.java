/**
 * What the adapters that listen on a socket share ({@code t3 serve}'s OpenAI-compatible gateway and
 * {@code t3 mcp --http}): a Jetty server ({@link io.github.t3chat4j.adapter.listener.GuardedServer}) with a
 * connection limit, a deadline for each request head, the names and web origins it answers
 * ({@link io.github.t3chat4j.adapter.listener.ListenRules}), and a key compared in constant time. Each
 * adapter says how a refusal looks to its clients.
 */
package io.github.t3chat4j.adapter.listener;
