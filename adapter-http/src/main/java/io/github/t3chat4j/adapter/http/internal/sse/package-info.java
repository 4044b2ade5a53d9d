/**
 * Not API. Framing of reply bodies on raw bytes, without any JSON: a line reader that handles CRLF, CR
 * and LF without reading ahead, and a spec-following server-sent-events parser.
 */
package io.github.t3chat4j.adapter.http.internal.sse;
