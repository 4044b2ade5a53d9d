package io.github.t3chat4j.application;

import static io.github.t3chat4j.application.fixtures.AccountFixtures.aSession;
import static io.github.t3chat4j.application.fixtures.AccountFixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.port.in.TrackCreditsResult;
import io.github.t3chat4j.application.port.out.ChatStream;
import io.github.t3chat4j.application.port.out.LoadAccountPort;
import io.github.t3chat4j.application.port.out.LoadCustomerDataPort;
import io.github.t3chat4j.application.port.out.LoadModelInsightsPort;
import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AccountClientTest {

    private final List<String> calls = new ArrayList<>();
    private final LoadAccountPort account = new LoadAccountPort() {
        @Override
        public SubscriptionData loadSubscription(Session session) {
            return new SubscriptionData(true, "pro");
        }

        @Override
        public List<PricingProduct> loadPricingProducts(Session session) {
            return List.of();
        }

        @Override
        public List<ActiveSession> loadActiveSessions(Session session) {
            return List.of();
        }
    };
    private final LoadModelInsightsPort insights = new LoadModelInsightsPort() {
        @Override
        public List<ModelStatus> loadModelStatuses(Session session) {
            return List.of();
        }

        @Override
        public List<ModelBenchmark> loadModelBenchmarks(Session session) {
            return List.of();
        }
    };
    private final LoadCustomerDataPort customerData = session -> {
        calls.add("balance");
        return balance(calls.contains("chat") ? 990 : 1000);
    };
    private final AccountClient client = AccountClient.create(customerData, account, insights,
            session -> new ModelCatalog(List.of(ModelInfo.builder(ModelId.of("gpt-4o"), "GPT-4o").build()),
                    ModelCatalog.Source.SCRAPED),
            Runnable::run, duration -> { });

    @Test
    void measuresTheCreditsOfAT3ClientSend() {
        try (T3Client chat = T3Client.builder().session(aSession()).chatTransport(request -> {
            calls.add("chat");
            return stream(new ChatEvent.TextDelta("Hello"), new ChatEvent.Finished("stop"));
        }).build()) {

            TrackCreditsResult<Message> result = client.sendWithCredits(chat, "gpt-4o", "hi", ChatSettings.defaults());

            assertThat(result.value().text()).isEqualTo("Hello");
            assertThat(result.usage().deducted()).contains(BigDecimal.TEN);
            assertThat(result.usage().finishReason()).isEqualTo("stop");
            assertThat(calls).startsWith("balance", "chat");
        }
    }

    @Test
    void offersEveryAccountRead() {
        Session session = aSession();

        assertThat(client.credits(session).balance()).isEqualByComparingTo("1000");
        assertThat(client.subscription(session).paid()).isTrue();
        assertThat(client.pricingProducts(session)).isEmpty();
        assertThat(client.activeSessions(session)).isEmpty();
        assertThat(client.modelStatuses(session)).isEmpty();
        assertThat(client.modelBenchmarks(session)).isEmpty();
        assertThat(client.models(session, false).ids()).containsExactly(ModelId.of("gpt-4o"));
        assertThat(client.resolveModel(session, "gpt-4o").name()).isEqualTo("GPT-4o");
        assertThatThrownBy(() -> client.resolveModel(session, "gpt4o"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown model 'gpt4o'. Did you mean 'gpt-4o'?");
    }

    private static ChatStream stream(ChatEvent... events) {
        return new ChatStream() {
            @Override
            public Stream<ChatEvent> events() {
                return Stream.of(events);
            }

            @Override
            public void close() {
            }
        };
    }
}
