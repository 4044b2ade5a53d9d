/**
 * Not API: the implementation of the HTTP adapter, which may change in any release. Use
 * {@link io.github.t3chat4j.adapter.http.HttpAdapters} instead. This package holds the exchange every
 * request goes through (status mapping, retries, {@code Retry-After}, bounded reading, redaction) and
 * the session and image adapters; its sub-packages hold the chat, tRPC and catalogue adapters.
 */
package io.github.t3chat4j.adapter.http.internal;
