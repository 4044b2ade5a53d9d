package io.github.t3chat4j.adapter.http.internal;

import io.github.t3chat4j.adapter.http.HttpConfig;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one {@link CloseableHttpClient} the adapters share. Its own retries are off (the adapters
 * retry under {@link RetryPolicy}), it keeps no cookies (the session's cookie string is sent as is and a
 * server's {@code Set-Cookie} never leaks to another host), follows no redirects unless a request asks,
 * and asks for no compression so that stream chunks reach the decoder as they arrive.
 */
public final class HttpClientFactory {

    private static final int MAX_CONNECTIONS_PER_ROUTE = 10;
    private static final int MAX_CONNECTIONS = 20;

    private HttpClientFactory() {
    }

    public static CloseableHttpClient create(HttpConfig config) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.readTimeout()))
                        .build())
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .build();
        RequestConfig requests = requestConfig(config, false);
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requests)
                .setUserAgent(config.userAgent())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    /** The per-request settings; a request that sets its own must repeat the timeouts, hence this method. */
    public static RequestConfig requestConfig(HttpConfig config, boolean followRedirects) {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(config.connectTimeout()))
                .setResponseTimeout(Timeout.of(config.readTimeout()))
                .setRedirectsEnabled(followRedirects)
                .build();
    }
}
