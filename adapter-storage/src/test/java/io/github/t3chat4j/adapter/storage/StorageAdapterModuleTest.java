package io.github.t3chat4j.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.t3chat4j.application.port.out.DeleteConversationPort;
import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.application.port.out.FormatConversationPort;
import io.github.t3chat4j.application.port.out.ListConversationsPort;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.ParseHistoryPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageAdapterModuleTest {

    @TempDir
    Path data;

    @Test
    void bindsEveryPortToOneSharedStoreUnderTheConfiguredFolder() {
        Injector injector = Guice.createInjector(new StorageAdapterModule(new StorageConfig(data)));

        SaveConversationPort save = injector.getInstance(SaveConversationPort.class);
        save.save(Conversations.aRichConversation("t-1"));

        assertThat(injector.getInstance(LoadConversationPort.class).load(ThreadId.of("t-1"))).isPresent();
        assertThat(injector.getInstance(LoadConversationPort.class)).isSameAs(save)
                .isSameAs(injector.getInstance(ListConversationsPort.class))
                .isSameAs(injector.getInstance(DeleteConversationPort.class));
        assertThat(data.resolve("conversations/t-1.json")).exists();
        assertThat(injector.getInstance(SaveImagePort.class)).isNotNull();
        assertThat(injector.getInstance(ParseHistoryPort.class)).isNotNull();
        assertThat(injector.getInstance(FormatConversationPort.class)
                .formatConversation(Conversations.aRichConversation("t-1"), ExportFormat.MARKDOWN)).startsWith("# ");
    }
}
