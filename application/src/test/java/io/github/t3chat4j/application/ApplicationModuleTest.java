package io.github.t3chat4j.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.ChatTransport;
import io.github.t3chat4j.domain.stream.ChatEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplicationModuleTest {

    @Test
    void buildsAClient_fromASingleBoundTransport_leavingEveryOtherPortOptional() {
        Injector injector = Guice.createInjector(new ApplicationModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(ChatTransport.class).toInstance(
                        request -> ChatStream.of(new ChatEvent.TextDelta("bound"), new ChatEvent.Finished("stop")));
            }
        });

        T3Client client = injector.getInstance(T3Client.Builder.class).build();

        assertThat(client.send("hi").text()).isEqualTo("bound");
        assertThatThrownBy(() -> injector.getInstance(LocalClient.class).listConversations())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void opensTheBoundAdaptersForEachClient_closesThemWithIt_andLetsASingleBindingWin() {
        List<String> events = new ArrayList<>();
        DrivenAdapters adapters = new DrivenAdapters() {
            @Override
            public DrivenAdapters open() {
                events.add("opened");
                return new DrivenAdapters() {
                    @Override
                    public Optional<ChatTransport> chatTransport() {
                        return Optional.of(request -> ChatStream.of(new ChatEvent.TextDelta("adapters"),
                                new ChatEvent.Finished("stop")));
                    }

                    @Override
                    public boolean sendsCredentials() {
                        return true;
                    }

                    @Override
                    public void close() {
                        events.add("closed");
                    }
                };
            }
        };
        Injector injector = Guice.createInjector(new ApplicationModule(), new AbstractModule() {
            @Override
            protected void configure() {
                ApplicationModule.adapters(binder()).addBinding().toInstance(adapters);
                bind(ChatTransport.class).toInstance(
                        request -> ChatStream.of(new ChatEvent.TextDelta("override"), new ChatEvent.Finished("stop")));
            }
        });

        assertThatThrownBy(() -> injector.getInstance(T3Client.Builder.class).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("credentials");
        T3Client first = injector.getInstance(T3Client.Builder.class).cookies("wos-session=abc; convex-session-id=xyz")
                .build();
        try (T3Client second = injector.getInstance(T3Client.Builder.class)
                .cookies("wos-session=abc; convex-session-id=xyz").build()) {
            first.close();
            assertThat(second.send("hi").text()).isEqualTo("override");
        }

        assertThat(events).containsExactly("opened", "closed", "opened", "opened", "closed", "closed");
    }
}
