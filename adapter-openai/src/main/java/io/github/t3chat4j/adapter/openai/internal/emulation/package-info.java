/**
 * Emulated tool calling and structured output, independent of any wire format: the gateway's OpenAI
 * endpoints (Chat Completions, Responses) and any other API served on top of t3.chat (Anthropic's
 * Messages) translate their request into an {@link io.github.t3chat4j.adapter.openai.internal.emulation.EmulationRequest}
 * (instructions, turns with tool calls and results, tool definitions, tool choice, output format), run
 * one {@link io.github.t3chat4j.adapter.openai.internal.emulation.EmulatedTurn} against an
 * {@link io.github.t3chat4j.adapter.openai.internal.emulation.Upstream} (the model behind t3.chat, as
 * plain text messages), and translate the {@link io.github.t3chat4j.adapter.openai.internal.emulation.TurnResult}
 * back. Nothing here knows HTTP, JSON wire shapes of any API, Jetty or the t3chat4j library; only
 * Jackson trees (for JSON values) and the JSON Schema validator. See docs/ARCHITECTURE.md, "Emulated
 * tools and structured output".
 */
package io.github.t3chat4j.adapter.openai.internal.emulation;
