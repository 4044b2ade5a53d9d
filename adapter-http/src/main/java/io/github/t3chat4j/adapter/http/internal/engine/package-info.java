/**
 * Not API. The seam below the HTTP pipeline: an {@link io.github.t3chat4j.adapter.http.internal.engine.HttpEngine}
 * does the I/O of one neutral request and hands back a streaming response; nothing above this package
 * sees the HTTP library. The engines: {@code ApacheAsyncEngine} (HttpClient 5 async, HTTP/2 over TLS via
 * ALPN, the default), {@code CurlEngine} (the {@code curl} binary), and {@code ApacheClassicEngine}
 * (HttpClient 5 classic, HTTP/1.1 only, used by tests of the pipeline); {@code ProxyRules} decides the
 * proxy for all of them.
 */
package io.github.t3chat4j.adapter.http.internal.engine;
