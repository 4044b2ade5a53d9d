package io.github.t3chat4j.adapter.storage;

import static io.github.t3chat4j.adapter.storage.Conversations.aRichConversation;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.port.out.CachedModelCatalog;
import io.github.t3chat4j.application.port.out.ModelCatalogCachePort;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageAdaptersTest {

    private static final URI SITE = URI.create("https://t3.chat");

    @TempDir
    Path folder;

    private StorageConfig config() {
        return new StorageConfig(folder.resolve("t3"));
    }

    @Test
    void touchesNoFile_whenCreated() {
        StorageAdapters adapters = StorageAdapters.create(config());

        adapters.modelCatalogCache(SITE);
        LocalClient.of(adapters);

        assertThat(folder.resolve("t3")).doesNotExist();
    }

    @Test
    void contributesTheConversationStoreAndTheSettingsStoreToTheLocalClient() {
        StorageAdapters adapters = StorageAdapters.create(config());
        adapters.conversationStore().orElseThrow().save(aRichConversation("t-1"));

        LocalClient local = LocalClient.of(adapters);
        local.updateSettings(Map.of("MODEL", Optional.of("o3")));

        assertThat(local.listConversations().conversations())
                .extracting(summary -> summary.threadId().value()).containsExactly("t-1");
        assertThat(local.loadConversation(ThreadId.of("t-1"))).isEqualTo(aRichConversation("t-1"));
        assertThat(local.settings().values()).containsOnly(Map.entry("MODEL", "o3"));
        assertThat(local.settings().location()).isEqualTo(config().configFile().toString());
        assertThat(config().configFile()).exists();
    }

    @Test
    void writesARotatedCookieToTheConfigFile_throughTheSessionStore() {
        StorageAdapters adapters = StorageAdapters.create(config());
        Session session = Session.of("wos-session=fake-old; other=kept", "fake-convex");

        adapters.sessionWriteBack().saveSession(session.withRenewedWosSession("fake-rotated"));

        assertThat(adapters.settingsStore().orElseThrow().loadSettings())
                .containsEntry(SettingsStorePort.COOKIES, "wos-session=fake-rotated; other=kept");
    }

    @Test
    void keepsOneCatalogueCacheFileThatAnswersOnlyForItsOwnSite() {
        StorageAdapters adapters = StorageAdapters.create(config());
        CachedModelCatalog catalog = new CachedModelCatalog(
                List.of(FileModelCatalogCacheAdapterTest.aBareModel()), Instant.parse("2026-01-02T03:04:05Z"));

        adapters.modelCatalogCache(SITE).saveCachedCatalog(catalog);

        assertThat(config().catalogCacheFile()).exists();
        assertThat(adapters.modelCatalogCache(URI.create("https://t3.chat/")).loadCachedCatalog()).contains(catalog);
        assertThat(adapters.modelCatalogCache(URI.create("http://127.0.0.1:5000")).loadCachedCatalog()).isEmpty();
    }

    @Test
    void keepsDemoConversationsAndCatalogueApartFromRealOnes() {
        StorageAdapters real = StorageAdapters.create(config());
        StorageAdapters demo = StorageAdapters.create(config().demo());
        CachedModelCatalog catalog = new CachedModelCatalog(
                List.of(FileModelCatalogCacheAdapterTest.aBareModel()), Instant.parse("2026-01-02T03:04:05Z"));
        ModelCatalogCachePort demoCache = demo.modelCatalogCache(SITE);

        demo.conversationStore().orElseThrow().save(aRichConversation("demo-1"));
        demoCache.saveCachedCatalog(catalog);

        assertThat(real.conversationStore().orElseThrow().listConversations().conversations()).isEmpty();
        assertThat(real.modelCatalogCache(SITE).loadCachedCatalog()).isEmpty();
        assertThat(demo.conversationStore().orElseThrow().listConversations().conversations()).hasSize(1);
    }
}
