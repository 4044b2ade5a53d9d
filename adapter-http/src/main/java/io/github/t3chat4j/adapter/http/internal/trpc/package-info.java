/**
 * Not API. The tRPC client (PROTOCOL.md 5): superjson-encoded batch queries to
 * {@code /api/trpc/<procedure>} through the pipeline, decoding of both the plain batch answer and tRPC
 * 11's streamed JSON-lines answer, and the adapter that implements the account ports on top of it.
 */
package io.github.t3chat4j.adapter.http.internal.trpc;
