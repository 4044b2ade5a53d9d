package io.github.t3chat4j.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Module;
import io.github.t3chat4j.adapter.cli.Backend;
import io.github.t3chat4j.adapter.cli.ConnectionSettings;
import io.github.t3chat4j.adapter.http.HttpAdapterModule;
import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.adapter.storage.StorageAdapterModule;
import io.github.t3chat4j.adapter.storage.StorageAdapters;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import io.github.t3chat4j.application.ApplicationModule;
import io.github.t3chat4j.application.LocalUseCases;
import io.github.t3chat4j.application.T3Client;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One profile's backend: per connection, one Guice injector of {@link ApplicationModule}, the storage
 * adapters over this profile's folders and the HTTP adapters; the local use cases (settings, stored
 * conversations) straight over the storage adapters, since every command reads its settings first. Which modules a connection gets is decided
 * here: the catalogue cache only for the real site, the cookie write-back only when the credentials came
 * from the config file. In the demo, each connection starts the bundled fake t3.chat, which closes with
 * the client.
 */
final class GuiceBackend implements Backend {

    static final String DEMO_COOKIES = "wos-session=demo-session-token; theme=dark";
    static final String DEMO_CONVEX_SESSION_ID = "demo-convex-session";

    private final StorageConfig storage;
    private final boolean demo;
    private final Consumer<String> warnings;
    private LocalUseCases local;

    GuiceBackend(StorageConfig storage, boolean demo, Consumer<String> warnings) {
        this.storage = storage;
        this.demo = demo;
        this.warnings = warnings;
    }

    @Override
    public T3Client connect(ConnectionSettings connection) {
        DemoServer demoServer = demo ? DemoServer.start() : null;
        try {
            URI base = demoServer != null ? demoServer.baseUrl() : connection.baseUrl();
            HttpConfig http = HttpConfig.defaults(base);
            if (!connection.userAgent().isBlank()) {
                http = http.withUserAgent(connection.userAgent());
            }
            List<Module> modules = new ArrayList<>(List.of(new ApplicationModule(), new StorageAdapterModule(storage),
                    new HttpAdapterModule(http)));
            if (demoServer == null) {
                modules.add(new CatalogCacheModule(base));
            }
            if (connection.keepRotatedSession()) {
                modules.add(new KeepRotatedSessionModule());
            }
            T3Client.Builder builder = Guice.createInjector(modules).getInstance(T3Client.Builder.class)
                    .cookies(demoServer != null ? DEMO_COOKIES : connection.cookies())
                    .convexSessionId(demoServer != null ? DEMO_CONVEX_SESSION_ID : connection.convexSessionId())
                    .model(connection.model())
                    .settings(connection.settings())
                    .warnings(warnings);
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
    public synchronized LocalUseCases local() {
        // Built once per run (the chat's /conversations and ask --continue ask again and again), and without
        // an injector: reading the settings comes before every connection, and needs none of Guice's start-up.
        if (local == null) {
            local = LocalUseCases.of(StorageAdapters.create(storage));
        }
        return local;
    }

    @Override
    public Path historyFile() {
        return storage.inputHistoryFile();
    }
}
