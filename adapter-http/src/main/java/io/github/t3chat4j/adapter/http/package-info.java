/**
 * The driven HTTP adapter: talks to t3.chat (and image hosts) for the application's chat, session,
 * image, account and catalogue ports. Its API is {@link io.github.t3chat4j.adapter.http.HttpAdapters}
 * (the adapters, ready for {@code T3Client.builder().adapters(..)}), {@link io.github.t3chat4j.adapter.http.HttpConfig}
 * and {@link io.github.t3chat4j.adapter.http.HttpAdapterModule} for Guice; everything under
 * {@code internal} is implementation.
 */
package io.github.t3chat4j.adapter.http;
