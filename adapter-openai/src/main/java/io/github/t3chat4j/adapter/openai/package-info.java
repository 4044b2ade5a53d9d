/**
 * A second driving adapter: an OpenAI-compatible HTTP gateway ({@link io.github.t3chat4j.adapter.openai.OpenAiGateway})
 * that answers {@code /v1/models}, {@code /v1/chat/completions} and {@code /v1/images/generations} through
 * one {@code T3Client}. It uses the public API an embedder sees, nothing else: each request is a
 * conversation of its own, sent with the client's stateless {@code stream}, and nothing is kept between
 * requests.
 * Served by Jetty 12 (core API, no servlets).
 */
package io.github.t3chat4j.adapter.openai;
