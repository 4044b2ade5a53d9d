package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.message.MessageStatus;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.thread.Conversation;

/**
 * Renders a conversation as Markdown: a heading and facts, then one section per message with its
 * role, model and time; reasoning folded in a {@code <details>} block; image links (the saved file
 * first, then the original URL); a quoted marker on incomplete and failed replies. Pure.
 */
final class MarkdownConversationFormat {

    private MarkdownConversationFormat() {
    }

    static String format(Conversation conversation) {
        StringBuilder md = new StringBuilder();
        String title = conversation.title().isBlank() ? "Untitled conversation" : conversation.title().strip();
        md.append("# ").append(oneLine(title)).append("\n\n");
        md.append("- **Thread:** `").append(conversation.threadId()).append("`\n");
        md.append("- **Model:** `").append(conversation.model()).append("`\n");
        md.append("- **Created:** ").append(conversation.createdAt()).append('\n');
        md.append("- **Updated:** ").append(conversation.updatedAt()).append('\n');
        for (Message message : conversation.messages()) {
            md.append("\n---\n\n");
            appendMessage(md, message);
        }
        return md.toString();
    }

    private static void appendMessage(StringBuilder md, Message message) {
        md.append("### ").append(message.role() == Role.USER ? "User" : "Assistant");
        message.model().ifPresent(model -> md.append(" (").append(model).append(')'));
        md.append(" · ").append(message.createdAt()).append("\n\n");
        if (!message.reasoning().isBlank()) {
            md.append("<details>\n<summary>Reasoning</summary>\n\n")
                    .append(message.reasoning().strip().replace("</details>", "&lt;/details>"))
                    .append("\n\n</details>\n\n");
        }
        if (message.status() == MessageStatus.ERROR) {
            md.append(quote("**Error:** " + message.text().strip())).append('\n');
        } else if (!message.text().isBlank()) {
            md.append(message.text().strip()).append("\n\n");
        }
        message.image().ifPresent(image -> appendImage(md, image));
        if (message.status() == MessageStatus.INCOMPLETE) {
            md.append(quote("**Incomplete:** this reply was cut off before it finished.")).append('\n');
        }
    }

    private static void appendImage(StringBuilder md, ImageContent image) {
        if (image.localPath().isPresent()) {
            md.append("![Image](<").append(image.localPath().get()).append(">)\n\n");
            image.url().ifPresent(url -> md.append("[Original image](<").append(url).append(">)\n\n"));
        } else if (image.url().isPresent()) {
            md.append("![Image](<").append(image.url().get()).append(">)\n\n");
        } else {
            md.append("_Inline image (").append(image.mediaType().orElse("unknown type"))
                    .append("), not saved to a file._\n\n");
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        text.lines().forEach(line -> quoted.append(line.isEmpty() ? ">" : "> " + line).append('\n'));
        return quoted.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
