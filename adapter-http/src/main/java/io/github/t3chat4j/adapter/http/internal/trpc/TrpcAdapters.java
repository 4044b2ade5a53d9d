package io.github.t3chat4j.adapter.http.internal.trpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The tRPC account ports for programs without Guice, over a client the caller owns (and closes);
 * {@link io.github.t3chat4j.adapter.http.HttpAdapters} hands them out.
 */
public final class TrpcAdapters {

    private final TrpcAccountAdapter adapter;

    private TrpcAdapters(TrpcAccountAdapter adapter) {
        this.adapter = adapter;
    }

    public static TrpcAdapters create(HttpConfig config, CloseableHttpClient http, ObjectMapper mapper) {
        return new TrpcAdapters(new TrpcAccountAdapter(requireNonNull(config, "config == null"),
                requireNonNull(http, "http == null"), requireNonNull(mapper, "mapper == null")));
    }

    public LoadCustomerDataPort customerData() {
        return adapter;
    }

    public LoadAccountPort account() {
        return adapter;
    }

    public LoadModelInsightsPort modelInsights() {
        return adapter;
    }
}
