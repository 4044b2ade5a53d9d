package io.github.t3chat4j.adapter.http;

import io.github.t3chat4j.testkit.FakeT3Server;

/**
 * How the bytes of an adapter test travel, so that the adapter suites run on both of the {@code java}
 * transport's clients: {@link #TLS}, as every request to {@code https://t3.chat} goes (HttpClient's async
 * client, HTTP/2 through ALPN), and {@link #PLAIN} (its classic client, HTTP/1.1 on loopback).
 */
public enum Wire {

    /** Plain HTTP/1.1 on loopback: HttpClient's classic client. */
    PLAIN,
    /** TLS with ALPN settling on HTTP/2: HttpClient's async client, the one real traffic uses. */
    TLS;

    /** The fake t3.chat for this wire; the caller closes it. */
    public FakeT3Server start() {
        return this == TLS ? FakeT3Server.startSecure() : FakeT3Server.start();
    }

    /** {@code config} trusting {@code server}'s certificate when it has one. */
    public HttpConfig configure(HttpConfig config, FakeT3Server server) {
        return this == TLS ? config.withTrustedCertificates(server.certificateFile()) : config;
    }

    /** The test configuration ({@link Fixtures#config}) against {@code server}. */
    public HttpConfig config(FakeT3Server server) {
        return configure(Fixtures.config(server.baseUrl()), server);
    }
}
