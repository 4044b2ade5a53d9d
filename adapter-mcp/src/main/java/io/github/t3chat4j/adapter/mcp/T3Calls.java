package io.github.t3chat4j.adapter.mcp;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.ChatOptions;
import io.github.t3chat4j.application.DownloadProgressListener;
import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.catalog.ModelCatalog;
import io.github.t3chat4j.domain.catalog.ModelInfo;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.Conversation;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ExportFormat;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one place the MCP server calls the t3chat4j library: a send (new or continued conversation), an
 * image, the catalogue, the account, the stored conversations. Everything else in this package speaks
 * domain values and MCP. Thread-safe: each call is a request of its own over the client's shared
 * connection and session keeper; conversations are kept by the client's store, one writer at a time.
 */
final class T3Calls {

    /** What the {@code ask} tool asks for; empty optionals take the defaults (or the conversation's). */
    record Ask(String prompt, Optional<String> model, Optional<String> systemPrompt,
            Optional<io.github.t3chat4j.domain.chat.ReasoningEffort> reasoning, boolean search,
            Optional<ThreadId> conversation) {

        Ask {
            requireNonNull(prompt, "prompt == null");
            requireNonNull(model, "model == null");
            requireNonNull(systemPrompt, "systemPrompt == null");
            requireNonNull(reasoning, "reasoning == null");
            requireNonNull(conversation, "conversation == null");
        }
    }

    /** A reply, the model that wrote it, and the conversation it now belongs to. */
    record Answer(Reply reply, ModelId model, ThreadId conversation) {
    }

    /** An image: its bytes, their media type, where it was saved (when a folder was configured). */
    record Image(byte[] bytes, String mediaType, Optional<Path> savedAt, ModelId model, String text) {
    }

    private final T3Client client;
    private final LocalClient local;
    private final ChatOptions defaults;
    private final Clock clock;

    T3Calls(T3Client client, Clock clock) {
        this.client = requireNonNull(client, "client == null");
        this.local = client.local();
        this.defaults = client.options();
        this.clock = requireNonNull(clock, "clock == null");
    }

    /**
     * Sends {@code ask} and returns the reply once it is whole, cut short, or cancelled; {@code events}
     * hears each event as it arrives, and {@code cancel} stops the reply (keeping what arrived).
     *
     * @throws T3ChatException when nothing could be sent or the reply failed
     */
    Answer ask(Ask ask, Consumer<ChatEvent> events, CallCancellation cancel) {
        Optional<Conversation> stored = ask.conversation().map(local::loadConversation);
        ModelInfo model = client.account().resolveModel(ask.model()
                .orElse(stored.map(Conversation::model).orElse(defaults.model()).value()));
        ChatSettings settings = stored.map(Conversation::settings).orElse(defaults.settings());
        settings = settings.withSearch(ask.search());
        if (ask.systemPrompt().isPresent()) {
            settings = settings.withSystemPrompt(ask.systemPrompt().get());
        }
        if (ask.reasoning().isPresent()) {
            settings = settings.withReasoningEffort(ask.reasoning().get());
        }
        Conversation conversation = stored.orElse(Conversation.start(model.id(), settings, clock.instant()));
        try (ReplyStream reply = client.stream(conversation, ask.prompt(),
                defaults.withModel(model.id()).withSettings(settings))) {
            cancel.onCancel(reply::cancel);
            for (ChatEvent event : reply) {
                events.accept(event);
            }
            return new Answer(reply.reply(), model.id(), reply.conversation().threadId());
        }
    }

    /** The model an id names, checked against the catalogue (an unknown id fails with the nearest). */
    ModelInfo model(String id) {
        return client.account().resolveModel(id);
    }

    /**
     * Generates an image with {@code model} (already checked) and reads its bytes; saves it into
     * {@code folder} when one is given.
     */
    Image image(String prompt, ModelInfo model, Optional<Path> folder, CallCancellation cancel) {
        ChatSettings settings = defaults.settings();
        Reply reply;
        try (ReplyStream stream = client.stream(Conversation.start(model.id(), settings, clock.instant()), prompt,
                defaults.withModel(model.id()))) {
            cancel.onCancel(stream::cancel);
            reply = stream.reply();
        }
        Optional<ImageContent> image = reply.image();
        if (image.isEmpty()) {
            return new Image(new byte[0], "", Optional.empty(), model.id(), reply.text());
        }
        byte[] bytes = client.imageBytes(image.get());
        String mediaType = image.get().mediaType().orElse(ImageNames.mediaType(bytes));
        ImageContent inline = image.get().withBase64Data(Base64.getEncoder().encodeToString(bytes), mediaType);
        Optional<Path> saved = folder.map(dir -> Path.of(client.saveImage(inline,
                ImageTarget.at(dir.resolve(ImageNames.fileName(prompt, clock.instant()))), DownloadProgressListener.NONE)
                .localPath().orElseThrow()));
        return new Image(bytes, mediaType, saved, model.id(), reply.text());
    }

    /** The catalogue, with live statuses when they can be read. */
    ModelCatalog models() {
        ModelCatalog catalog = client.account().models(false);
        try {
            return catalog.withStatuses(client.account().modelStatuses());
        } catch (T3ChatException statusesUnavailable) {
            return catalog;
        }
    }

    /** Balance, tier and usage. */
    CustomerData credits() {
        return client.account().credits();
    }

    /** The stored conversations, newest first, and the files that could not be read. */
    ConversationListing conversations() {
        return local.listConversations();
    }

    /** One stored conversation. */
    Conversation conversation(ThreadId id) {
        return local.loadConversation(id);
    }

    /** One stored conversation as Markdown. */
    String markdown(ThreadId id) {
        return local.exportConversation(id, ExportFormat.MARKDOWN);
    }

    @Override
    public String toString() {
        return "T3Calls[" + client + "]";
    }
}
