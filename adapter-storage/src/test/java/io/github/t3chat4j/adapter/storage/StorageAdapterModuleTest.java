package io.github.t3chat4j.adapter.storage;

import static io.github.t3chat4j.adapter.storage.Conversations.aRichConversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.github.t3chat4j.application.ApplicationModule;
import io.github.t3chat4j.application.DrivenAdapters;
import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageAdapterModuleTest {

    @TempDir
    Path folder;

    private StorageConfig config() {
        return new StorageConfig(folder.resolve("t3"));
    }

    private Injector injector() {
        return Guice.createInjector(new ApplicationModule(), new StorageAdapterModule(config()));
    }

    @Test
    void givesLocalClientThatListLoadExportAndDeleteConversationsOnDisk() {
        Injector injector = injector();
        injector.getInstance(StorageAdapters.class).conversationStore().orElseThrow().save(aRichConversation("t-1"));
        LocalClient local = injector.getInstance(LocalClient.class);

        assertThat(local.listConversations().conversations())
                .extracting(summary -> summary.threadId().value()).containsExactly("t-1");
        assertThat(local.loadConversation(ThreadId.of("t-1"))).isEqualTo(aRichConversation("t-1"));
        assertThat(local.exportConversation(ThreadId.of("t-1"), ExportFormat.MARKDOWN))
                .startsWith("# Why is the sky blue?");

        local.deleteConversation(ThreadId.of("t-1"));

        assertThat(config().conversationsDir().resolve("t-1.json")).doesNotExist();
        assertThatThrownBy(() -> local.loadConversation(ThreadId.of("t-1")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void givesLocalClientThatKeepSettingsInTheConfigFile() {
        LocalClient local = injector().getInstance(LocalClient.class);

        local.updateSettings(Map.of("MODEL", Optional.of("o3")));

        assertThat(config().configFile()).exists();
        assertThat(local.settings().values()).containsOnly(Map.entry("MODEL", "o3"));
    }

    @Test
    void addsOneSharedStorageAdaptersToTheApplicationsAdapters() {
        Injector injector = injector();

        Set<DrivenAdapters> adapters = injector.getInstance(Key.get(new TypeLiteral<Set<DrivenAdapters>>() { }));

        assertThat(adapters).singleElement().isSameAs(injector.getInstance(StorageAdapters.class));
        assertThat(injector.getInstance(StorageConfig.class)).isEqualTo(config());
    }

    @Test
    void touchesNoFile_whileTheInjectorIsBuilt() {
        injector().getInstance(LocalClient.class);

        assertThat(folder.resolve("t3")).doesNotExist();
    }
}
