package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.application.port.out.ChatStream;
import io.github.t3chat4j.testkit.FakeT3Server;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

class HttpAdapterModuleTest {

    @Test
    void bindsEveryPortToASingletonAdapter() throws Exception {
        Injector injector = Guice.createInjector(new HttpAdapterModule(HttpConfig.defaults()));

        try (CloseableHttpClient client = injector.getInstance(CloseableHttpClient.class)) {
            assertThat(injector.getInstance(StreamChatPort.class)).isInstanceOf(HttpChatAdapter.class)
                    .isSameAs(injector.getInstance(StreamChatPort.class));
            assertThat(injector.getInstance(InitializeSessionPort.class))
                    .isSameAs(injector.getInstance(RenewSessionPort.class)).isInstanceOf(HttpSessionAdapter.class);
            assertThat(injector.getInstance(FetchImagePort.class)).isInstanceOf(HttpImageAdapter.class);
            assertThat(injector.getInstance(CloseableHttpClient.class)).isSameAs(client);
        }
    }

    @Test
    void factoryWorksWithoutGuice() {
        try (FakeT3Server server = FakeT3Server.start();
                HttpAdapters http = HttpAdapters.create(Fixtures.config(server.baseUrl()))) {
            http.sessionInitializer().initialize(Fixtures.session());

            List<ChatEvent> events;
            try (ChatStream stream = http.chat().open(Fixtures.request())) {
                events = stream.events().toList();
            }

            assertThat(Fixtures.text(events)).isEqualTo("Echo(3): How are you?");
            assertThat(http.sessionRenewal().renewWosSession(Fixtures.session())).isEmpty();
            assertThat(http.imageFetcher()).isNotNull();
        }
    }
}
