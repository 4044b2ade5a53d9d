/**
 * The HTTP adapters of one client, put together over one engine: what {@code HttpAdapters.open()} returns.
 */
package io.github.t3chat4j.adapter.http.internal.wiring;
