/**
 * Not API. Framing of the older AI SDK "data stream" reply format ({@code <code>:<json>} lines),
 * without JSON decoding; the chat decoder turns the parts into chat events.
 */
package io.github.t3chat4j.adapter.http.internal.datastream;
