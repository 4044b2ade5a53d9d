package io.github.t3chat4j.adapter.storage;

import static io.github.t3chat4j.adapter.storage.Conversations.aRichConversation;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.thread.Conversation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConversationExportAdapterTest {

    private final ConversationJson json = new ConversationJson(ConversationJson.newMapper());
    private final ConversationExportAdapter export = new ConversationExportAdapter(json);

    @Test
    void rendersRolesReasoningImagesAndIncompleteMarkerAsMarkdown() {
        String md = export.formatConversation(aRichConversation("t-1"), ExportFormat.MARKDOWN);

        assertThat(md).startsWith("# Why is the sky blue?\n\n- **Thread:** `t-1`\n- **Model:** `gemini-2.5-pro`\n");
        assertThat(md).contains("### User · 2026-01-02T03:04:05Z\n\nWhy is the sky blue?\n");
        assertThat(md).contains("### Assistant (gemini-2.5-pro) · 2026-01-02T03:04:10Z\n\n"
                + "<details>\n<summary>Reasoning</summary>\n\nShort wavelengths scatter more.\n\n</details>\n\n"
                + "Rayleigh scattering.\n");
        assertThat(md).contains("![Image](</tmp/sky.png>)\n\n[Original image](<https://files.example/sky.png>)");
        assertThat(md).contains("Also, at sunset the\n\n> **Incomplete:** this reply was cut off before it finished.");
        assertThat(md).doesNotContain("iVBORw0KGgo=");
    }

    @Test
    void quotesErrorsAndNamesInlineImagesWithoutDumpingTheirBytes() {
        Conversation conversation = aRichConversation("t-1")
                .append(Message.error("The model is overloaded.\nTry again."), Conversations.T0)
                .append(Message.builder(Role.ASSISTANT).image(ImageContent.fromUrl("data:image/webp;base64,AAAA"))
                        .build(), Conversations.T0);

        String md = export.formatConversation(conversation, ExportFormat.MARKDOWN);

        assertThat(md).contains("> **Error:** The model is overloaded.\n> Try again.\n");
        assertThat(md).contains("_Inline image (image/webp), not saved to a file._");
    }

    @Test
    void exportsJsonThatTheStoreReadsBack() throws Exception {
        Conversation original = aRichConversation("t-1");

        String text = export.formatConversation(original, ExportFormat.JSON);

        assertThat(text).contains("\"schemaVersion\" : 1");
        assertThat(json.read(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(original);
    }
}
