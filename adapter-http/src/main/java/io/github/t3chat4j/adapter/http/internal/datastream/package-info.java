/**
 * Not API. Framing of the older AI SDK "data stream" reply format ({@code <code>:<json>} lines), without JSON
 * decoding; {@code ChatEventDecoder} turns the parts into chat events.
 */
package io.github.t3chat4j.adapter.http.internal.datastream;
