package io.github.t3chat4j.adapter.mcp;

import io.github.t3chat4j.domain.thread.ConversationSummary;
import io.github.t3chat4j.domain.thread.ThreadId;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;

/**
 * The stored conversations as resources: {@code t3://conversations/{id}} is one as Markdown, and
 * {@code t3://conversations} the list of them, newest first. Read-only.
 */
final class Resources {

    static final String PREFIX = "t3://conversations/";
    static final String LIST = "t3://conversations";
    private static final String MARKDOWN = "text/markdown";
    private static final int LISTED = 100;

    private final T3Calls t3;
    private final ToolErrors errors;
    private final Secrets secrets;

    Resources(T3Calls t3, ToolErrors errors, Secrets secrets) {
        this.t3 = t3;
        this.errors = errors;
        this.secrets = secrets;
    }

    static String uri(ThreadId id) {
        return PREFIX + id.value();
    }

    List<SyncResourceTemplateSpecification> templates() {
        ResourceTemplate template = ResourceTemplate.builder(PREFIX + "{id}", "conversation")
                .title("A stored t3 conversation")
                .description("One stored t3 conversation (from ask, t3 ask or t3 chat) as Markdown: its title, model"
                        + " and every message. The conversations tool lists the ids.")
                .mimeType(MARKDOWN).build();
        return List.of(new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            String uri = request.uri();
            if (!uri.startsWith(PREFIX) || uri.length() == PREFIX.length()) {
                throw notFound(uri, "a conversation's URI is " + PREFIX + "<id>");
            }
            try {
                ThreadId id = Arguments.threadId(uri.substring(PREFIX.length()));
                return new ReadResourceResult(List.of(new TextResourceContents(uri, MARKDOWN,
                        secrets.redact(t3.markdown(id)))));
            } catch (Arguments.Invalid invalid) {
                throw notFound(uri, invalid.getMessage());
            } catch (RuntimeException failure) {
                throw notFound(uri, errors.message(failure));
            }
        }));
    }

    List<SyncResourceSpecification> resources() {
        Resource list = Resource.builder().uri(LIST).name("conversations").title("Stored t3 conversations")
                .description("The stored t3 conversations, newest first: id, date, model and title of each, with"
                        + " the URI to read it.")
                .mimeType(MARKDOWN).build();
        return List.of(new SyncResourceSpecification(list, (exchange, request) -> {
            StringBuilder text = new StringBuilder("# Stored t3 conversations\n\n");
            List<ConversationSummary> conversations = t3.conversations().conversations();
            if (conversations.isEmpty()) {
                text.append("None yet.\n");
            }
            for (ConversationSummary summary : conversations.stream().limit(LISTED).toList()) {
                text.append("- [").append(summary.title().isBlank() ? summary.threadId().value() : summary.title())
                        .append("](").append(uri(summary.threadId())).append(") ").append(summary.updatedAt())
                        .append(", ").append(summary.model().value()).append(", ").append(summary.messageCount())
                        .append(" messages\n");
            }
            return new ReadResourceResult(List.of(new TextResourceContents(LIST, MARKDOWN,
                    secrets.redact(text.toString()))));
        }));
    }

    private McpError notFound(String uri, String why) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message(secrets.redact("No such conversation resource: " + uri + " (" + why + ")."))
                .build();
    }
}
