package io.github.t3chat4j.adapter.mcp;

import static io.github.t3chat4j.adapter.mcp.Schemas.array;
import static io.github.t3chat4j.adapter.mcp.Schemas.bool;
import static io.github.t3chat4j.adapter.mcp.Schemas.integer;
import static io.github.t3chat4j.adapter.mcp.Schemas.nonEmptyString;
import static io.github.t3chat4j.adapter.mcp.Schemas.number;
import static io.github.t3chat4j.adapter.mcp.Schemas.object;
import static io.github.t3chat4j.adapter.mcp.Schemas.oneOf;
import static io.github.t3chat4j.adapter.mcp.Schemas.openObject;
import static io.github.t3chat4j.adapter.mcp.Schemas.properties;
import static io.github.t3chat4j.adapter.mcp.Schemas.string;

import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.account.Usage;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.catalog.ModelStatus;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ConversationSummary;
import io.github.t3chat4j.domain.thread.ThreadId;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

/**
 * The tools: {@code ask}, {@code generate_image}, {@code list_models}, {@code credits} and
 * {@code conversations}, each with a JSON Schema for its input and its structured output, a description
 * a model can act on, and every failure as a tool error ({@link ToolErrors}).
 */
final class Tools {

    static final String ASK = "ask";
    static final String GENERATE_IMAGE = "generate_image";
    static final String LIST_MODELS = "list_models";
    static final String CREDITS = "credits";
    static final String CONVERSATIONS = "conversations";

    /** Characters of answer between two progress notifications (the first delta always sends one). */
    private static final int PROGRESS_STEP = 400;
    private static final int DEFAULT_LIST_LIMIT = 20;

    private final T3Calls t3;
    private final ToolErrors errors;
    private final Secrets secrets;
    private final InFlightCalls inFlight;
    private final Optional<Path> imageFolder;

    Tools(T3Calls t3, ToolErrors errors, Secrets secrets, InFlightCalls inFlight, Optional<Path> imageFolder) {
        this.t3 = t3;
        this.errors = errors;
        this.secrets = secrets;
        this.inFlight = inFlight;
        this.imageFolder = imageFolder;
    }

    List<SyncToolSpecification> specifications() {
        return List.of(
                spec(askTool(), this::ask),
                spec(imageTool(), this::image),
                spec(modelsTool(), this::models),
                spec(creditsTool(), (exchange, request) -> credits()),
                spec(conversationsTool(), (exchange, request) -> conversations(request)));
    }

    /** Every call answers; a failure, whatever it is, becomes a tool error. */
    private SyncToolSpecification spec(Tool tool,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                return handler.apply(exchange, request);
            } catch (Arguments.Invalid invalid) {
                return errors.error(invalid.getMessage());
            } catch (RuntimeException failure) {
                return errors.of(failure);
            }
        }).build();
    }

    // ask

    private static Tool askTool() {
        return Tool.builder().name(ASK).title("Ask a t3.chat model")
                .description("Ask one of the models of the user's t3.chat subscription (Claude, GPT, Gemini, Grok,"
                        + " DeepSeek, Kimi, …) and get its whole answer. Use it for a second opinion from another"
                        + " model, a long document read by a long-context model, or an answer with web search."
                        + " The answer comes back with a conversation_id: pass it on the next call to continue the"
                        + " same conversation (the model then sees every earlier message), or leave it out to"
                        + " start a new one. Model ids come from list_models; without one, the user's default model"
                        + " (or the continued conversation's) answers. Progress is reported while the answer"
                        + " streams, and cancelling the call stops the answer at t3.chat. Each call spends the"
                        + " user's t3.chat credits.")
                .inputSchema(object(properties(
                        "prompt", nonEmptyString("The message to send, with everything the model needs to know"
                                + " (it sees nothing of this session but the conversation it continues)."),
                        "model", string("A model id from list_models, e.g. gpt-5, claude-4-sonnet, gemini-2.5-pro."),
                        "system_prompt", string("Instructions for the model for this and later messages."),
                        "reasoning_effort", oneOf("How hard a reasoning model thinks.", List.of("low", "medium", "high")),
                        "search", bool("Let the model search the web for this answer (default false)."),
                        "conversation_id", string("Continue this stored conversation (from an earlier answer or the"
                                + " conversations tool)."),
                        "include_reasoning", bool("Also return the model's reasoning, when it shows any (default false).")),
                        List.of("prompt")))
                .outputSchema(openObject(properties(
                        "answer", string("The model's answer (Markdown)."),
                        "model", string("The model that answered."),
                        "conversation_id", string("Pass it back as conversation_id to continue this conversation."),
                        "complete", bool("False when the answer was cut short (cancelled, interrupted, failed)."),
                        "ending", oneOf("How the answer ended.", List.of("finished", "cancelled", "interrupted",
                                "failed", "aborted")),
                        "reasoning", string("The model's reasoning (only with include_reasoning)."),
                        "image_url", string("An image the model made, when it made one.")),
                        List.of("answer", "model", "conversation_id", "complete", "ending")))
                .annotations(new ToolAnnotations("Ask a t3.chat model", false, false, false, true, null))
                .build();
    }

    private CallToolResult ask(McpSyncServerExchange exchange, CallToolRequest request) {
        Arguments args = new Arguments(request.arguments());
        T3Calls.Ask ask = new T3Calls.Ask(args.requiredText("prompt"), args.text("model"), args.text("system_prompt"),
                args.text("reasoning_effort").map(ReasoningEffort::parse), args.flag("search"),
                args.text("conversation_id").map(Arguments::threadId));
        boolean withReasoning = args.flag("include_reasoning");
        Progress progress = new Progress(exchange, progressToken(request));
        T3Calls.Answer answer = withCancellation(exchange, cancel -> t3.ask(ask, progress::on, cancel));
        Reply reply = answer.reply();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", secrets.redact(reply.text()));
        out.put("model", answer.model().value());
        out.put("conversation_id", answer.conversation().value());
        out.put("complete", reply.isComplete());
        out.put("ending", reply.ending().name().toLowerCase(Locale.ROOT));
        if (withReasoning && !reply.reasoning().isBlank()) {
            out.put("reasoning", secrets.redact(reply.reasoning()));
        }
        reply.image().flatMap(io.github.t3chat4j.domain.message.ImageContent::url)
                .ifPresent(url -> out.put("image_url", url));
        List<io.modelcontextprotocol.spec.McpSchema.Content> content = new ArrayList<>();
        content.add(new TextContent(secrets.redact(reply.text())));
        if (!reply.isComplete()) {
            content.add(new TextContent("(The answer ended early: " + out.get("ending")
                    + (reply.errorText().isBlank() ? "" : ", " + secrets.redact(reply.errorText()))
                    + ". conversation_id " + answer.conversation().value() + " keeps what arrived.)"));
        }
        if (withReasoning && !reply.reasoning().isBlank()) {
            content.add(new TextContent("Reasoning:\n" + secrets.redact(reply.reasoning())));
        }
        return CallToolResult.builder().content(content).structuredContent(out).build();
    }

    /** Reports the answer's progress to a host that asked for it (a progress token), a step at a time. */
    private static final class Progress {
        private final McpSyncServerExchange exchange;
        private final Optional<Object> token;
        private int characters;
        private int reported = -1;
        private boolean reasoningReported;

        Progress(McpSyncServerExchange exchange, Optional<Object> token) {
            this.exchange = exchange;
            this.token = token;
        }

        void on(ChatEvent event) {
            if (token.isEmpty()) {
                return;
            }
            if (event instanceof ChatEvent.ReasoningDelta && !reasoningReported) {
                reasoningReported = true;
                send("The model is reasoning");
            } else if (event instanceof ChatEvent.TextDelta delta) {
                characters += delta.text().length();
                if (reported < 0 || characters - reported >= PROGRESS_STEP) {
                    reported = characters;
                    send("Received " + characters + " characters of the answer");
                }
            } else if (event instanceof ChatEvent.ImageGenerated) {
                send("The image is ready");
            }
        }

        private void send(String message) {
            try {
                exchange.progressNotification(new ProgressNotification(token.get(), Math.max(characters, 1), null,
                        message));
            } catch (RuntimeException hostGone) {
                // A progress notification that cannot be delivered changes nothing of the answer.
            }
        }
    }

    // generate_image

    private static Tool imageTool() {
        return Tool.builder().name(GENERATE_IMAGE).title("Generate an image with t3.chat")
                .description("Generate an image from a text prompt with one of t3.chat's image models (default"
                        + " gpt-image-1; list_models with images=true lists the others) and return it as an image."
                        + " Describe subject, style, composition and colours in the prompt. When the user set an"
                        + " image folder for t3 mcp, the image is saved there too and saved_path says where. Each"
                        + " call spends the user's t3.chat credits.")
                .inputSchema(object(properties(
                        "prompt", nonEmptyString("What to draw."),
                        "model", string("An image model id (default gpt-image-1).")),
                        List.of("prompt")))
                .outputSchema(openObject(properties(
                        "model", string("The model that drew it."),
                        "media_type", string("The image's media type, e.g. image/png."),
                        "saved_path", string("Where the image was saved (only when an image folder is set)."),
                        "text", string("What the model said besides the image, if anything.")),
                        List.of("model", "media_type")))
                .annotations(new ToolAnnotations("Generate an image", false, false, false, true, null))
                .build();
    }

    private CallToolResult image(McpSyncServerExchange exchange, CallToolRequest request) {
        Arguments args = new Arguments(request.arguments());
        String prompt = args.requiredText("prompt");
        ModelInfo model = t3.model(args.text("model").orElse(ModelId.DEFAULT_IMAGE.value()));
        if (!model.features().isEmpty() && !model.generatesImages()) {
            return errors.error("'" + model.id().value() + "' does not generate images. Use gpt-image-1, or an"
                    + " id that list_models with images=true lists.");
        }
        T3Calls.Image image = withCancellation(exchange, cancel -> t3.image(prompt, model, imageFolder, cancel));
        if (image.bytes().length == 0) {
            return errors.error("'" + model.id().value() + "' answered without an image"
                    + (image.text().isBlank() ? "." : ": " + image.text()) + " Try another prompt or image model.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", image.model().value());
        out.put("media_type", image.mediaType());
        image.savedAt().ifPresent(path -> out.put("saved_path", path.toString()));
        if (!image.text().isBlank()) {
            out.put("text", secrets.redact(image.text()));
        }
        List<io.modelcontextprotocol.spec.McpSchema.Content> content = new ArrayList<>();
        content.add(new ImageContent(null, Base64.getEncoder().encodeToString(image.bytes()), image.mediaType()));
        content.add(new TextContent("Generated with " + image.model().value()
                + image.savedAt().map(path -> "; saved to " + path).orElse("") + "."));
        return CallToolResult.builder().content(content).structuredContent(out).build();
    }

    // list_models

    private static Tool modelsTool() {
        Map<String, Object> model = openObject(properties(
                "id", string("Pass it as model to ask or generate_image."),
                "name", string(""),
                "provider", string(""),
                "developer", string(""),
                "description", string(""),
                "features", array("", string("")),
                "images", bool("Generates images."),
                "reasoning", bool("Reasons before answering."),
                "requires_pro", bool(""),
                "disabled", bool(""),
                "status", string("Live status when known (e.g. operational).")),
                List.of("id", "name", "provider", "images", "reasoning"));
        return Tool.builder().name(LIST_MODELS).title("List t3.chat's models")
                .description("List the models the user's t3.chat subscription offers, with their abilities and live"
                        + " status, to pick the model id for ask or generate_image. Filter by provider or developer"
                        + " (anthropic, openai, google, xai, deepseek, moonshot, …), by images=true for image"
                        + " models, or reasoning=true for models that reason.")
                .inputSchema(object(properties(
                        "provider", string("Only models of this provider or developer."),
                        "images", bool("Only models that generate images."),
                        "reasoning", bool("Only models that reason.")),
                        List.of()))
                .outputSchema(openObject(properties(
                        "models", array("The models that match.", model),
                        "total", integer("How many models the catalogue has in all.", 0, Integer.MAX_VALUE),
                        "source", oneOf("Where the catalogue came from.", List.of("site", "cache", "bundled"))),
                        List.of("models", "total", "source")))
                .annotations(new ToolAnnotations("List models", true, false, true, true, null))
                .build();
    }

    private CallToolResult models(McpSyncServerExchange exchange, CallToolRequest request) {
        Arguments args = new Arguments(request.arguments());
        Optional<String> provider = args.text("provider");
        boolean images = args.flag("images");
        boolean reasoning = args.flag("reasoning");
        ModelCatalog catalog = t3.models();
        List<Map<String, Object>> models = catalog.models().stream()
                .filter(m -> provider.isEmpty() || m.provider().equalsIgnoreCase(provider.get())
                        || m.developer().equalsIgnoreCase(provider.get()))
                .filter(m -> !images || m.generatesImages())
                .filter(m -> !reasoning || reasons(m))
                .map(Tools::model).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("models", models);
        out.put("total", catalog.models().size());
        out.put("source", switch (catalog.source()) {
            case SCRAPED -> "site";
            case CACHED -> "cache";
            case BUNDLED -> "bundled";
        });
        StringBuilder text = new StringBuilder(models.size() + " of " + catalog.models().size() + " models:\n");
        for (Map<String, Object> m : models) {
            text.append("- ").append(m.get("id")).append(" (").append(m.get("provider")).append(")")
                    .append(Boolean.TRUE.equals(m.get("images")) ? ", images" : "")
                    .append(Boolean.TRUE.equals(m.get("reasoning")) ? ", reasoning" : "")
                    .append(m.containsKey("status") ? ", " + m.get("status") : "").append('\n');
        }
        return CallToolResult.builder().content(List.of(new TextContent(secrets.redact(text.toString()))))
                .structuredContent(out).build();
    }

    private static boolean reasons(ModelInfo model) {
        return model.features().stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains("reason"));
    }

    private static Map<String, Object> model(ModelInfo model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", model.id().value());
        out.put("name", model.name());
        out.put("provider", model.provider());
        out.put("developer", model.developer());
        out.put("description", model.shortDescription());
        out.put("features", List.copyOf(model.features()));
        out.put("images", model.generatesImages());
        out.put("reasoning", reasons(model));
        out.put("requires_pro", model.requiresPro());
        out.put("disabled", model.disabled());
        model.status().map(ModelStatus::indicator).ifPresent(status -> out.put("status", status));
        return out;
    }

    // credits

    private static Tool creditsTool() {
        return Tool.builder().name(CREDITS).title("t3.chat credits and usage")
                .description("The user's t3.chat credit balance, subscription tier and usage of the current periods"
                        + " (percentages and when they reset). Check it before a long or expensive series of asks.")
                .inputSchema(object(properties(), List.of()))
                .outputSchema(openObject(properties(
                        "tier", string("The subscription tier."),
                        "balance", number("Credits left."),
                        "balance_reliable", bool("False when t3.chat marked the balance as approximate."),
                        "usage_band", string(""),
                        "four_hour_percent", number("Share of the four-hour allowance used."),
                        "month_percent", number("Share of the month's allowance used."),
                        "period_percent", number("Share of the billing period used."),
                        "resets_at", string("When the billing period resets (ISO-8601).")),
                        List.of("tier", "balance", "balance_reliable")))
                .annotations(new ToolAnnotations("Credits", true, false, true, true, null))
                .build();
    }

    private CallToolResult credits() {
        CustomerData data = t3.credits();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tier", data.subTier());
        out.put("balance", data.balance());
        out.put("balance_reliable", data.balanceReliable());
        out.put("usage_band", data.usageBand());
        Usage usage = data.usage();
        percent(out, "four_hour_percent", usage.fourHourPercentage());
        percent(out, "month_percent", usage.monthPercentage());
        percent(out, "period_percent", usage.periodPercentage());
        usage.billingNextResetAt().ifPresent(at -> out.put("resets_at", at.toString()));
        String text = "Balance: " + plain(data.balance()) + " credits" + (data.balanceReliable() ? "" : " (approximate)")
                + "; tier: " + data.subTier()
                + (out.containsKey("month_percent") ? "; month used: " + out.get("month_percent") + " %" : "")
                + (out.containsKey("resets_at") ? "; resets at " + out.get("resets_at") : "") + ".";
        return CallToolResult.builder().content(List.of(new TextContent(secrets.redact(text)))).structuredContent(out)
                .build();
    }

    private static void percent(Map<String, Object> out, String key, OptionalDouble value) {
        if (value.isPresent()) {
            out.put(key, value.getAsDouble());
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    // conversations

    private static Tool conversationsTool() {
        Map<String, Object> summary = openObject(properties(
                "id", string("Pass it as conversation_id to ask to continue, or to read."),
                "title", string(""),
                "model", string(""),
                "messages", integer("", 0, Integer.MAX_VALUE),
                "updated_at", string("ISO-8601."),
                "uri", string("The conversation as a resource (Markdown).")),
                List.of("id", "title", "model", "messages", "updated_at"));
        Map<String, Object> message = openObject(properties(
                "role", oneOf("", List.of("user", "assistant", "system")),
                "text", string(""),
                "model", string("")),
                List.of("role", "text"));
        return Tool.builder().name(CONVERSATIONS).title("Stored t3 conversations (read-only)")
                .description("List the user's stored t3 conversations (newest first; those made by ask, t3 ask and"
                        + " t3 chat on this machine), or read one whole, e.g. to cite an earlier consultation."
                        + " action=list takes an optional limit; action=read needs id. Read-only: nothing is"
                        + " changed or deleted. To continue one, call ask with its id as conversation_id.")
                .inputSchema(object(properties(
                        "action", oneOf("list or read.", List.of("list", "read")),
                        "id", string("The conversation to read (action=read)."),
                        "limit", integer("How many to list, newest first (default 20).", 1, 200)),
                        List.of("action")))
                .outputSchema(openObject(properties(
                        "conversations", array("action=list: the newest conversations.", summary),
                        "unreadable", integer("action=list: stored files that could not be read.", 0,
                                Integer.MAX_VALUE),
                        "conversation", openObject(properties(
                                "id", string(""), "title", string(""), "model", string(""),
                                "messages", array("", message)),
                                List.of("id", "title", "model", "messages"))),
                        List.of()))
                .annotations(new ToolAnnotations("Conversations", true, false, true, false, null))
                .build();
    }

    private CallToolResult conversations(CallToolRequest request) {
        Arguments args = new Arguments(request.arguments());
        String action = args.requiredText("action");
        if (action.equals("read")) {
            ThreadId id = Arguments.threadId(args.text("id").orElseThrow(() -> new Arguments.Invalid(
                    "action=read needs id: the conversation's id (action=list lists them).")));
            Conversation conversation = t3.conversation(id);
            List<Map<String, Object>> messages = new ArrayList<>();
            for (Message m : conversation.messages()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("role", m.role().name().toLowerCase(Locale.ROOT));
                entry.put("text", secrets.redact(m.text()));
                m.model().ifPresent(model -> entry.put("model", model.value()));
                messages.add(entry);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", conversation.threadId().value());
            body.put("title", secrets.redact(conversation.title()));
            body.put("model", conversation.model().value());
            body.put("messages", messages);
            return CallToolResult.builder().content(List.of(new TextContent(secrets.redact(t3.markdown(id)))))
                    .structuredContent(Map.of("conversation", body)).build();
        }
        if (!action.equals("list")) {
            throw new Arguments.Invalid("action must be list or read, not '" + action + "'.");
        }
        int limit = args.integer("limit").orElse(DEFAULT_LIST_LIMIT);
        ConversationListing listing = t3.conversations();
        List<Map<String, Object>> listed = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (ConversationSummary summary : listing.conversations().stream().limit(limit).toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", summary.threadId().value());
            entry.put("title", secrets.redact(summary.title()));
            entry.put("model", summary.model().value());
            entry.put("messages", summary.messageCount());
            entry.put("updated_at", summary.updatedAt().toString());
            entry.put("uri", Resources.uri(summary.threadId()));
            listed.add(entry);
            text.append("- ").append(entry.get("id")).append("  ").append(entry.get("updated_at")).append("  ")
                    .append(entry.get("model")).append("  ").append(entry.get("title")).append('\n');
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversations", listed);
        out.put("unreadable", listing.problems().size());
        return CallToolResult.builder().content(List.of(new TextContent(listed.isEmpty()
                        ? "No stored conversations yet." : listed.size() + " of " + listing.conversations().size()
                        + " conversations, newest first:\n" + text)))
                .structuredContent(out).build();
    }

    // plumbing

    private static Optional<Object> progressToken(CallToolRequest request) {
        return request.meta() == null ? Optional.empty() : Optional.ofNullable(request.meta().get("progressToken"));
    }

    /** Runs {@code call} with the cancellation of the request being answered (when the transport knows it). */
    private <T> T withCancellation(McpSyncServerExchange exchange, java.util.function.Function<CallCancellation, T> call) {
        Object key = exchange.transportContext() == null ? null : exchange.transportContext().get(InFlightCalls.REQUEST_KEY);
        if (!(key instanceof String requestKey)) {
            return call.apply(new CallCancellation());
        }
        try {
            return call.apply(inFlight.open(requestKey));
        } finally {
            inFlight.close(requestKey);
        }
    }
}
