package io.github.t3chat4j.adapter.http.internal.wiring;

import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.DrivenAdapters;
import java.util.Map;

/**
 * The HTTP adapters as {@code T3Client.fromEnv()} finds them on the class path (through
 * {@link java.util.ServiceLoader}: {@code META-INF/services}); see {@link HttpConfig#fromEnvironment(Map)}.
 */
public final class EnvironmentAdapters implements DrivenAdapters.Provider {

    /** For {@link java.util.ServiceLoader}. */
    public EnvironmentAdapters() {
    }

    @Override
    public DrivenAdapters fromEnvironment(Map<String, String> environment) {
        return HttpAdapters.create(HttpConfig.fromEnvironment(environment), environment);
    }
}
