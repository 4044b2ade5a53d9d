package io.github.t3chat4j.application;

import static io.github.t3chat4j.application.fixtures.AccountFixtures.aSession;
import static io.github.t3chat4j.application.fixtures.AccountFixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.TrackCreditsResult;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.fake.TestAdapters;
import io.github.t3chat4j.application.port.out.AccountPort;
import io.github.t3chat4j.application.port.out.LoadModelCatalogPort;
import io.github.t3chat4j.domain.account.ActiveSession;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.PricingProduct;
import io.github.t3chat4j.domain.account.SubscriptionData;
import io.github.t3chat4j.domain.catalog.ModelBenchmark;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AccountClientTest {

    private final List<String> calls = new ArrayList<>();
    private final AtomicInteger renewals = new AtomicInteger();
    private final LoadModelCatalogPort catalog = new LoadModelCatalogPort() {
        @Override
        public List<ModelInfo> loadSiteModels(Session session) {
            return List.of(ModelInfo.builder(ModelId.of("gpt-4o"), "GPT-4o").build());
        }

        @Override
        public List<ModelInfo> loadBundledModels() {
            return List.of();
        }
    };

    /** The account reads, the credit balance as {@code customerData} says. */
    private static AccountPort account(Function<Session, CustomerData> customerData) {
        return new AccountPort() {
            @Override
            public CustomerData loadCustomerData(Session session) {
                return customerData.apply(session);
            }

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

            @Override
            public List<ModelStatus> loadModelStatuses(Session session) {
                return List.of();
            }

            @Override
            public List<ModelBenchmark> loadModelBenchmarks(Session session) {
                return List.of();
            }
        };
    }

    private T3Client client(Function<Session, CustomerData> customerData) {
        return T3Client.builder().session(aSession())
                .adapters(new TestAdapters().account(account(customerData)).modelCatalog(catalog)
                        .renewing(s -> Optional.of("rotated-" + renewals.incrementAndGet())))
                .chatTransport(request -> {
                    calls.add("chat");
                    return ChatStream.of(new ChatEvent.TextDelta("Hello"), new ChatEvent.Finished("stop"));
                })
                .executor(Runnable::run).sleeper(duration -> { })
                .build();
    }

    private T3Client client() {
        return client(session -> {
            calls.add("balance");
            return balance(calls.contains("chat") ? 990 : 1000);
        });
    }

    @Test
    void measuresTheCreditsOfASend() {
        try (T3Client client = client()) {

            TrackCreditsResult<Message> result = client.account().trackCredits(() -> client.send("hi"),
                    sent -> client.lastReply().map(Reply::finishReason).orElse(""));

            assertThat(result.value().text()).isEqualTo("Hello");
            assertThat(result.usage().deducted()).contains(BigDecimal.TEN);
            assertThat(result.usage().finishReason()).isEqualTo("stop");
            assertThat(calls).startsWith("balance", "chat");
            assertThat(renewals).hasValue(1);
        }
    }

    @Test
    void offersEveryAccountRead_overTheClientsSession() {
        AccountClient reads = client().account();

        assertThat(reads.credits().balance()).isEqualByComparingTo("1000");
        assertThat(reads.subscription().paid()).isTrue();
        assertThat(reads.pricingProducts()).isEmpty();
        assertThat(reads.activeSessions()).isEmpty();
        assertThat(reads.modelStatuses()).isEmpty();
        assertThat(reads.modelBenchmarks()).isEmpty();
        assertThat(reads.models(false).ids()).containsExactly(ModelId.of("gpt-4o"));
        assertThat(reads.resolveModel("gpt-4o").name()).isEqualTo("GPT-4o");
        assertThatThrownBy(() -> reads.resolveModel("gpt4o"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown model 'gpt4o'. Did you mean 'gpt-4o'?");
        assertThat(renewals).hasValue(1);
    }

    @Test
    void renewsAndRetriesAnAccountRead_onceWhenTheSessionIsRejected() {
        List<String> used = new ArrayList<>();
        T3Client client = client(session -> {
            String wos = session.cookies().get("wos-session").orElseThrow();
            used.add(wos);
            if (wos.equals("rotated-1")) {
                throw SessionExpiredException.forStatus(401);
            }
            return balance(5);
        });

        assertThat(client.account().credits().balance()).isEqualByComparingTo("5");

        assertThat(used).containsExactly("rotated-1", "rotated-2");
        assertThat(client.session().cookies().get("wos-session")).contains("rotated-2");
    }

    @Test
    void sharesOneRenewal_betweenChatAndAccountReads() {
        T3Client client = client();

        client.send("hi");
        client.account().credits();

        assertThat(renewals).hasValue(1);
    }
}
