/**
 * A second driving adapter: an OpenAI-compatible HTTP gateway ({@link io.github.t3chat4j.adapter.openai.OpenAiGateway})
 * that answers {@code /v1/models}, {@code /v1/chat/completions} and {@code /v1/images/generations} through
 * the use cases of one t3.chat connection. It sees the driving side only ({@code UseCases} and
 * {@code port.in}); each request becomes a conversation of its own, and nothing is kept between requests.
 * Served by Jetty 12 (core API, no servlets).
 */
package io.github.t3chat4j.adapter.openai;
