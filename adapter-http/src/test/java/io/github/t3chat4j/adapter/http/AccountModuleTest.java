package io.github.t3chat4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.t3chat4j.application.AccountApplicationModule;
import io.github.t3chat4j.application.AccountClient;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.trpc.FakeTrpc;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;

class AccountModuleTest {

    @Test
    void bindsTheAccountPorts_soTheAccountClientWorksEndToEnd() throws Exception {
        try (FakeT3Server server = FakeT3Server.start();
                CloseableHttpClient http = HttpClients.custom().disableCookieManagement().build()) {
            FakeTrpc.install(server);
            Injector injector = Guice.createInjector(new AccountModule(HttpConfig.defaults(server.baseUrl())),
                    new AccountApplicationModule(), new AbstractModule() {
                        @Provides
                        @Singleton
                        CloseableHttpClient http() {
                            return http;
                        }

                        @Provides
                        @Singleton
                        ObjectMapper mapper() {
                            return new ObjectMapper();
                        }
                    });
            AccountClient client = injector.getInstance(AccountClient.class);
            Session session = Session.of("wos-session=secret", "convex-secret");

            assertThat(client.credits(session).balance()).isEqualByComparingTo("1000");
            assertThat(client.models(session, true).source()).isEqualTo(ModelCatalog.Source.SCRAPED);
            assertThat(client.models(session, true).find("gpt-4o").orElseThrow().status()).isEmpty();
            assertThat(client.models(session, true).find("gemini-2.5-flash").orElseThrow().status()).isPresent();
            assertThat(injector.getInstance(LoadCustomerDataPort.class))
                    .isSameAs(injector.getInstance(LoadAccountPort.class))
                    .isSameAs(injector.getInstance(LoadModelInsightsPort.class));
            assertThat(injector.getInstance(LoadModelCatalogPort.class))
                    .isSameAs(injector.getInstance(LoadModelCatalogPort.class));
        }
    }
}
