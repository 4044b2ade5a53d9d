package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import io.github.t3chat4j.application.ApplicationModule;
import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpAdapterModuleTest {

    @Test
    void givesEveryClientOfTheInjector_theHttpAdapters_andClosingOneNeverBreaksTheNext() {
        try (FakeT3Server server = FakeT3Server.start()) {
            Injector injector = Guice.createInjector(new ApplicationModule(),
                    new HttpAdapterModule(Fixtures.config(server.baseUrl())));
            HttpAdapters http = injector.getInstance(HttpAdapters.class);

            Message first;
            try (T3Client client = injector.getInstance(T3Client.Builder.class).cookies(Fixtures.COOKIE_HEADER)
                    .convexSessionId(Fixtures.CONVEX_ID).build()) {
                first = client.send("Hello");
            }
            Message second;
            try (T3Client client = injector.getInstance(T3Client.Builder.class).cookies(Fixtures.COOKIE_HEADER)
                    .convexSessionId(Fixtures.CONVEX_ID).build()) {
                second = client.send("Again");
            }

            assertThat(first.text()).isEqualTo("Echo(1): Hello");
            assertThat(second.text()).isEqualTo("Echo(1): Again");
            assertThat(server.lastRequest("/api/chat").orElseThrow().header("cookie")).hasValue(Fixtures.COOKIE_HEADER);
            assertThat(injector.getInstance(HttpAdapters.class)).isSameAs(http);
        }
    }

    @Test
    void addsOneSingletonHttpAdapters_toTheAdapterSet() {
        Injector injector = Guice.createInjector(new ApplicationModule(),
                new HttpAdapterModule(HttpConfig.defaults()));

        Set<DrivenAdapters> adapters = injector.getInstance(new Key<Set<DrivenAdapters>>() { });

        assertThat(adapters).singleElement().isInstanceOf(HttpAdapters.class)
                .isSameAs(injector.getInstance(HttpAdapters.class));
    }
}
