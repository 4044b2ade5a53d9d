/**
 * Not API. The seam below the HTTP pipeline: an {@link io.github.t3chat4j.adapter.http.internal.engine.HttpEngine}
 * does the I/O of one neutral request and hands back a streaming response; nothing above this package
 * sees the HTTP library. Apache HttpClient 5 (classic, pooled) is the engine today.
 */
package io.github.t3chat4j.adapter.http.internal.engine;
