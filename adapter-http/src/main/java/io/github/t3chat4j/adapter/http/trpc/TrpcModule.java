package io.github.t3chat4j.adapter.http.trpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Binds {@link LoadCustomerDataPort}, {@link LoadAccountPort} and {@link LoadModelInsightsPort} to one
 * tRPC adapter configured by the {@link HttpConfig} given here. Needs {@link CloseableHttpClient} and
 * {@link ObjectMapper} bound elsewhere (by {@code HttpAdapterModule}). Installed by {@code AccountModule}.
 */
public final class TrpcModule extends AbstractModule {

    private final HttpConfig config;

    public TrpcModule(HttpConfig config) {
        this.config = requireNonNull(config, "config == null");
    }

    @Provides
    @Singleton
    TrpcAccountAdapter adapter(CloseableHttpClient http, ObjectMapper mapper) {
        return new TrpcAccountAdapter(config, http, mapper);
    }

    @Provides
    LoadCustomerDataPort customerData(TrpcAccountAdapter adapter) {
        return adapter;
    }

    @Provides
    LoadAccountPort account(TrpcAccountAdapter adapter) {
        return adapter;
    }

    @Provides
    LoadModelInsightsPort modelInsights(TrpcAccountAdapter adapter) {
        return adapter;
    }
}
