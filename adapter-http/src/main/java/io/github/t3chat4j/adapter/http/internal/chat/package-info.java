/**
 * Not API. The chat adapter ({@code POST /api/chat}, PROTOCOL.md 3): the request body, and the reply
 * decoded lazily into chat events from either stream format.
 */
package io.github.t3chat4j.adapter.http.internal.chat;
