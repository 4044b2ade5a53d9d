/**
 * The driven HTTP adapter: talks to t3.chat (and image hosts) over Apache HttpClient 5, decodes reply
 * streams into chat events, maps failures to the application's exceptions, and wires itself through
 * {@link io.github.t3chat4j.adapter.http.HttpAdapterModule} or {@link io.github.t3chat4j.adapter.http.HttpAdapters}.
 */
package io.github.t3chat4j.adapter.http;
