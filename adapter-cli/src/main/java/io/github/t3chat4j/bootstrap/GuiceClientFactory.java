package io.github.t3chat4j.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.t3chat4j.adapter.cli.ClientFactory;
import io.github.t3chat4j.adapter.cli.CliException;
import io.github.t3chat4j.adapter.cli.ConnectionSettings;
import io.github.t3chat4j.adapter.cli.ConversationStore;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.adapter.http.HttpAdapterModule;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.storage.StorageAdapterModule;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import io.github.t3chat4j.application.ApplicationModule;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.port.out.DeleteConversationPort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.ListConversationsPort;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.service.ImportHistoryService;
import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Opens clients wired by Guice with the real HTTP and storage adapters. In demo mode it first starts
 * the bundled fake t3.chat ({@link DemoServer}) on loopback, points the HTTP adapter at it with placeholder
 * credentials, keeps conversations in a {@code demo} folder of their own, and closes the server with
 * the client. Guice does not manage lifecycles, so the HTTP client is closed with the client.
 */
final class GuiceClientFactory implements ClientFactory {

    static final String DEMO_COOKIES = "wos-session=demo-session-token; theme=dark";
    static final String DEMO_CONVEX_SESSION_ID = "demo-convex-session";

    private final Map<String, String> env;

    GuiceClientFactory(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public T3Client open(ConnectionSettings settings) {
        DemoServer demoServer = settings.demo() ? DemoServer.start() : null;
        try {
            URI base = demoServer != null ? demoServer.baseUrl() : settings.baseUrl();
            HttpConfig config = HttpConfig.defaults(base);
            if (!settings.userAgent().isBlank()) {
                config = config.withUserAgent(settings.userAgent());
            }
            Injector injector = Guice.createInjector(new ApplicationModule(), new HttpAdapterModule(config),
                    new StorageAdapterModule(storage(settings.demo())));
            T3Client.Builder builder = injector.getInstance(T3Client.Builder.class)
                    .cookies(demoServer != null ? DEMO_COOKIES : settings.cookies())
                    .convexSessionId(demoServer != null ? DEMO_CONVEX_SESSION_ID : settings.convexSessionId())
                    .model(settings.model())
                    .settings(settings.settings())
                    .imageStore(injector.getInstance(SaveImagePort.class))
                    .conversationStore(injector.getInstance(SaveConversationPort.class),
                            injector.getInstance(LoadConversationPort.class))
                    .closeOnClose(injector.getInstance(CloseableHttpClient.class));
            if (demoServer != null) {
                builder.closeOnClose(demoServer);
            }
            return builder.build();
        } catch (RuntimeException e) {
            if (demoServer != null) {
                demoServer.close();
            }
            throw e;
        }
    }

    @Override
    public ConversationStore conversations(boolean demo) {
        Injector injector = Guice.createInjector(new StorageAdapterModule(storage(demo)));
        LoadConversationPort load = injector.getInstance(LoadConversationPort.class);
        return new ConversationStore(
                injector.getInstance(ListConversationsPort.class),
                load,
                injector.getInstance(DeleteConversationPort.class),
                injector.getInstance(FormatConversationPort.class),
                new ImportHistoryService(injector.getInstance(ParseHistoryPort.class), load,
                        injector.getInstance(SaveConversationPort.class)));
    }

    private StorageConfig storage(boolean demo) {
        StorageConfig config;
        try {
            config = StorageConfig.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), ExitCode.IO);
        }
        return demo ? new StorageConfig(config.dataDir().resolve("demo")) : config;
    }
}
