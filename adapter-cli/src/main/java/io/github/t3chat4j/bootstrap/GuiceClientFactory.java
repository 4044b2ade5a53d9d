package io.github.t3chat4j.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.t3chat4j.adapter.cli.AccountAccess;
import io.github.t3chat4j.adapter.cli.ClientFactory;
import io.github.t3chat4j.adapter.cli.CliException;
import io.github.t3chat4j.adapter.cli.ConnectionSettings;
import io.github.t3chat4j.adapter.cli.ConversationStore;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.adapter.http.HttpAdapterModule;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.http.catalog.CatalogConfig;
import io.github.t3chat4j.adapter.storage.StorageAdapterModule;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import io.github.t3chat4j.application.AccountApplicationModule;
import io.github.t3chat4j.application.AccountClient;
import io.github.t3chat4j.application.ApplicationModule;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.port.in.RefreshSessionCommand;
import io.github.t3chat4j.application.port.in.RefreshSessionUseCase;
import io.github.t3chat4j.application.port.out.DeleteConversationPort;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.ListConversationsPort;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.application.service.ImportHistoryService;
import io.github.t3chat4j.domain.session.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Opens clients wired by Guice with the real HTTP and storage adapters. In demo mode it first starts
 * the bundled fake t3.chat ({@link DemoServer}) on loopback, points the HTTP adapter at it with
 * placeholder credentials, keeps conversations in a {@code demo} folder of their own, and closes the
 * server with the client. Guice does not manage lifecycles, so the HTTP client is closed with the client.
 */
final class GuiceClientFactory implements ClientFactory {

    static final String DEMO_COOKIES = "wos-session=demo-session-token; theme=dark";
    static final String DEMO_CONVEX_SESSION_ID = "demo-convex-session";

    private final Map<String, String> env;
    /** Wirings in use, by connection: a client and the account access of one command share one (and one demo server). */
    private final Map<List<Object>, Wiring> shared = new HashMap<>();
    private final Map<Boolean, ConversationStore> stores = new HashMap<>();

    GuiceClientFactory(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public T3Client open(ConnectionSettings settings) {
        Wiring wiring = wire(settings);
        try {
            Injector injector = wiring.injector;
            T3Client.Builder builder = injector.getInstance(T3Client.Builder.class)
                    .cookies(wiring.cookies)
                    .convexSessionId(wiring.convexSessionId)
                    .model(settings.model())
                    .settings(settings.settings())
                    .imageStore(injector.getInstance(SaveImagePort.class))
                    .conversationStore(injector.getInstance(SaveConversationPort.class),
                            injector.getInstance(LoadConversationPort.class));
            return builder.closeOnClose(wiring::close).build();
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
    }

    @Override
    public AccountAccess account(ConnectionSettings settings) {
        Wiring wiring = wire(settings);
        try {
            Session session;
            try {
                session = Session.of(wiring.cookies, wiring.convexSessionId);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
            RefreshSessionUseCase refresh = wiring.injector.getInstance(RefreshSessionUseCase.class);
            return new AccountAccess(wiring.injector.getInstance(AccountClient.class), session,
                    s -> refresh.refreshSession(new RefreshSessionCommand(s)), wiring::close);
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
    }

    @Override
    public synchronized ConversationStore conversations(boolean demo) {
        // Built once per run: the chat's /conversations and ask --continue ask again and again.
        return stores.computeIfAbsent(demo, this::newConversationStore);
    }

    private ConversationStore newConversationStore(boolean demo) {
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

    /** The wiring for this connection: the one in use, or a new one; each caller closes it once. */
    private synchronized Wiring wire(ConnectionSettings settings) {
        List<Object> key = List.of(settings.demo(), settings.baseUrl(), settings.cookies(), settings.convexSessionId(),
                settings.userAgent());
        Wiring wiring = shared.get(key);
        if (wiring == null || !wiring.retain()) {
            wiring = newWiring(settings, () -> forget(key));
            shared.put(key, wiring);
        }
        return wiring;
    }

    private synchronized void forget(List<Object> key) {
        shared.remove(key);
    }

    /** Starts the demo server if asked, and builds the injector of this connection. */
    private Wiring newWiring(ConnectionSettings settings, Runnable onLastClose) {
        DemoServer demoServer = settings.demo() ? DemoServer.start() : null;
        try {
            HttpConfig config = HttpConfig.defaults(demoServer != null ? demoServer.baseUrl() : settings.baseUrl());
            if (!settings.userAgent().isBlank()) {
                config = config.withUserAgent(settings.userAgent());
            }
            Injector injector = Guice.createInjector(new ApplicationModule(), new AccountApplicationModule(),
                    new HttpAdapterModule(config, catalog(settings.demo())),
                    new StorageAdapterModule(storage(settings.demo())));
            List<AutoCloseable> closeables = new ArrayList<>();
            closeables.add(injector.getInstance(CloseableHttpClient.class));
            if (demoServer != null) {
                closeables.add(demoServer);
            }
            closeables.add(onLastClose::run);
            return new Wiring(injector, closeables,
                    demoServer != null ? DEMO_COOKIES : settings.cookies(),
                    demoServer != null ? DEMO_CONVEX_SESSION_ID : settings.convexSessionId());
        } catch (RuntimeException e) {
            if (demoServer != null) {
                demoServer.close();
            }
            throw e;
        }
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

    /** The catalogue is cached for a day under $XDG_CACHE_HOME/t3chat4j (not in demo mode). */
    private CatalogConfig catalog(boolean demo) {
        String xdg = env.getOrDefault("XDG_CACHE_HOME", "").strip();
        String home = env.getOrDefault("HOME", "").strip();
        if (demo || (xdg.isEmpty() && home.isEmpty())) {
            return CatalogConfig.defaults();
        }
        Path base = !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".cache");
        return CatalogConfig.defaults().withCacheDirectory(base.resolve("t3chat4j"));
    }

    /** One connection's injector, its credentials, and what to close after its last user is done. */
    private static final class Wiring implements AutoCloseable {
        final Injector injector;
        final List<AutoCloseable> closeables;
        final String cookies;
        final String convexSessionId;
        private int users = 1;

        Wiring(Injector injector, List<AutoCloseable> closeables, String cookies, String convexSessionId) {
            this.injector = injector;
            this.closeables = closeables;
            this.cookies = cookies;
            this.convexSessionId = convexSessionId;
        }

        /** Adds a user, unless the wiring was already closed. */
        synchronized boolean retain() {
            if (users == 0) {
                return false;
            }
            users++;
            return true;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (users == 0 || --users > 0) {
                    return;
                }
            }
            for (int i = closeables.size() - 1; i >= 0; i--) {
                try {
                    closeables.get(i).close();
                } catch (Exception ignored) {
                    // Closing is best effort: the command's own outcome is what the user needs to see.
                }
            }
        }
    }
}
