package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.Chat;
import io.github.t3chat4j.application.ChatOptions;
import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.NotConfiguredException;
import io.github.t3chat4j.application.error.ReplyNotSavedException;
import io.github.t3chat4j.application.error.T3ChatException;
import io.github.t3chat4j.application.DownloadProgressListener;
import io.github.t3chat4j.application.TrackCreditsResult;
import io.github.t3chat4j.domain.account.CreditUsage;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.stream.Reply;
import io.github.t3chat4j.domain.thread.ConversationListing;
import io.github.t3chat4j.domain.thread.ConversationSummary;
import io.github.t3chat4j.domain.thread.StorageProblem;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code t3 ask PROMPT}: sends one message and streams the reply to standard output. */
@Command(name = "ask",
        mixinStandardHelpOptions = true,
        description = "Send one message and stream the reply to standard output.",
        footer = {"", "Examples:",
            "  t3 ask \"What is the capital of Peru?\"",
            "  git diff | t3 ask \"Review this change\"",
            "  t3 ask --json \"hello\" | jq -r .text",
            "  t3 ask --model gpt-image-1 --save-image cat.png \"a cat in a hat\"",
            "  t3 --demo ask --show-reasoning \"think about it\"",
            "  t3 --demo ask \"show me markdown\"              rendered, on a terminal",
            "  t3 --demo ask --no-render \"show me markdown\"  as Markdown source",
            "", "Ctrl-C stops the reply; what arrived stays printed and t3 exits with 130."})
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    /** Read by {@link T3Command#settings} with those given before this command's name. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    ChatFlags options = new ChatFlags();

    @Mixin
    ReplyRendering rendering = new ReplyRendering();

    @Parameters(arity = "0..*", paramLabel = "PROMPT", description = "The message (words are joined with spaces).")
    List<String> words = List.of();

    @Option(names = "--show-reasoning", description = "Print the model's reasoning to standard error.")
    boolean showReasoning;

    @Option(names = "--save-image", paramLabel = "FILE", description = "Save an image reply to FILE and print its path.")
    Path saveImage;

    @Option(names = {"-c", "--continue"}, description = "Continue the most recent stored conversation.")
    boolean continueLatest;

    @Option(names = "--conversation", paramLabel = "ID", description = "Continue the stored conversation ID.")
    String conversationId;

    @Option(names = "--credits", description = "After the reply, print the credits it cost (T3_TRACK_CREDITS=true).")
    boolean credits;

    @Option(names = "--raw", description = "Print the reply exactly as it came, control characters and all, for a"
            + " program that wants them (otherwise they are shown, so a reply cannot drive the terminal; no Markdown"
            + " rendering).")
    boolean raw;

    @Option(names = "--json", description = "Print one JSON object (threadId, model, text, reasoning, imageUrl,"
            + " imagePath, finishReason, complete) instead of streaming text.")
    boolean json;

    private final CliContext context;

    AskCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String prompt = prompt();
        Map<String, String> flags = new HashMap<>(options.flags());
        flags.putAll(rendering.flags());
        Settings resolved = root.settings(flags);
        ModelId modelId = options.model(resolved);
        ChatSettings settings = options.settings(resolved);
        boolean colour = context.errColour();
        boolean render = !json && !raw && ReplyRendering.rendered(context, resolved);
        ReplyRenderer renderer = ReplyRendering.renderer(render, context, json ? EventRenderer.NOWHERE : context.out(),
                showReasoning ? context.err() : null, context.stderrIsTerminal(), colour,
                render ? TerminalSize.of(context) : TerminalSize.DEFAULT, raw);
        AtomicBoolean interrupted = new AtomicBoolean();
        boolean trackCredits = credits || resolved.get(Settings.TRACK_CREDITS).map("true"::equalsIgnoreCase).orElse(false);
        ChatOptions chatOptions = ChatOptions.defaults().withModel(modelId).withSettings(settings);
        try (T3Client client = root.services().connect(root.boundary(resolved).connection(modelId, settings))) {
            if (resolved.get(Settings.MODEL).isPresent()) {
                checkModel(client, modelId);
            }
            Chat chat = conversation(client, chatOptions);
            ReplyStream reply = chat.stream(prompt, chatOptions);
            try (reply; RunHost.Registration onCtrlC = context.host().onInterrupt(() -> {
                interrupted.set(true);
                reply.cancel();
            })) {
                // Kept open until the end: a Ctrl-C lets the JVM finish only once this says what happened.
                return sendAndReport(client, chat, reply, renderer, colour, trackCredits, modelId, interrupted);
            }
        }
    }

    private int sendAndReport(T3Client client, Chat chat, ReplyStream reply, ReplyRenderer renderer, boolean colour,
            boolean trackCredits, ModelId modelId, AtomicBoolean interrupted) {
        Message message;
        CreditUsage usage = null;
        ReplyNotSavedException notSaved = null;
        // Started here, once nothing but the send can fail, and stopped in the finally below.
        Spinner spinner = colour && !json ? Spinner.start(context.err()) : Spinner.NONE;
        try {
            if (trackCredits) {
                TrackCreditsResult<Message> tracked = client.account().trackCredits(() -> {
                    renderer.render(reply, spinner::stop);
                    return reply.message();
                }, sent -> reply.reply().finishReason());
                message = tracked.value();
                usage = tracked.usage();
            } else {
                renderer.render(reply, spinner::stop);
                message = reply.message();
            }
        } catch (ReplyNotSavedException e) {
            // The reply is whole: show it as usual, then report that it was not saved.
            message = e.reply();
            notSaved = e;
        } finally {
            spinner.stop();
            renderer.finish();
        }
        if (usage != null) {
            context.err().println("t3: credits: " + TerminalSafe.text(usage.describe()));
            context.err().flush();
        }
        String imagePath = null;
        if (message.image().isPresent() && !interrupted.get()) {
            imagePath = reportImage(client, message.image().get());
        }
        if (json) {
            printJson(chat, modelId, message, reply.reply(), imagePath);
        }
        if (notSaved != null) {
            throw notSaved;
        }
        if (interrupted.get()) {
            context.err().println("t3: cancelled.");
            context.err().flush();
            return ExitCode.INTERRUPTED;
        }
        if (!message.isComplete()) {
            context.err().println("t3: the reply was stopped by the server before it finished.");
            context.err().flush();
            return ExitCode.PROTOCOL;
        }
        return ExitCode.OK;
    }

    /** Unknown model ids get a "did you mean" before anything is sent; a catalogue that cannot be read does not block. */
    private void checkModel(T3Client client, ModelId modelId) {
        try {
            client.account().resolveModel(modelId.value());
        } catch (NotConfiguredException noCatalogue) {
            // This build has no catalogue to check against: the server will judge the id.
        } catch (InvalidInputException unknown) {
            throw unknown;
        } catch (T3ChatException catalogUnavailable) {
            if (root.verbose()) {
                context.err().println("t3: could not check the model id: "
                        + TerminalSafe.text(catalogUnavailable.getMessage()));
            }
        }
    }

    /** The conversation to send in: the one named, the latest stored one, or a new one. */
    private Chat conversation(T3Client client, ChatOptions chatOptions) {
        if (conversationId != null) {
            return client.resume(conversationId(conversationId));
        } else if (continueLatest) {
            return client.resume(latest().threadId());
        }
        return client.chat(chatOptions);
    }

    /**
     * The most recent stored conversation; refuses to pass over an unreadable file that is newer, which
     * would silently continue an older conversation.
     */
    private ConversationSummary latest() {
        ConversationListing listing = root.services().local().listConversations();
        Optional<ConversationSummary> latest = listing.conversations().stream().findFirst();
        for (StorageProblem problem : listing.problems()) {
            boolean newer = problem.modifiedAt().map(at -> latest.map(l -> at.isAfter(l.updatedAt())).orElse(true))
                    .orElse(false);
            if (newer) {
                throw new CliException("the most recent conversation file, " + problem.source() + ", cannot be read ("
                        + problem.reason() + "), so --continue would continue an older one. Fix or delete it, or"
                        + " pick a conversation with --conversation ID (see t3 conversations list).", ExitCode.IO);
            }
        }
        return latest.orElseThrow(() -> new CliException("there is no stored conversation to continue yet.",
                ExitCode.USAGE));
    }

    /** {@code raw} as a conversation id, or a usage error pointing to the list. */
    static ThreadId conversationId(String raw) {
        try {
            return ThreadId.of(raw);
        } catch (IllegalArgumentException e) {
            throw new CliException("'" + raw + "' is not a conversation id; see t3 conversations list.", ExitCode.USAGE);
        }
    }

    private String reportImage(T3Client client, ImageContent image) {
        if (saveImage == null) {
            if (!json) {
                context.out().println(image.url().map(TerminalSafe::text)
                        .orElse("(inline image: use --save-image FILE to save it)"));
                context.out().flush();
            }
            return null;
        }
        ImageContent saved = client.saveImage(image, ImageTarget.at(context.resolve(saveImage)),
                DownloadProgressListener.NONE);
        String path = saved.localPath().orElse(saveImage.toString());
        if (!json) {
            context.out().println(path);
            context.out().flush();
        }
        return path;
    }

    private void printJson(Chat chat, ModelId modelId, Message reply, Reply assembled, String imagePath) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("threadId", chat.threadId().map(ThreadId::value).orElse(null));
        fields.put("model", modelId.value());
        fields.put("text", reply.text());
        fields.put("reasoning", reply.reasoning());
        fields.put("imageUrl", reply.image().flatMap(ImageContent::url).orElse(null));
        fields.put("imagePath", imagePath);
        fields.put("finishReason", assembled.finishReason().isEmpty() ? null : assembled.finishReason());
        fields.put("complete", reply.isComplete());
        context.out().println(JsonOutput.write(fields));
        context.out().flush();
    }

    private String prompt() {
        String fromArgs = String.join(" ", words).strip();
        String piped = context.stdinIsTerminal() ? "" : readStdin().strip();
        String prompt = piped.isEmpty() ? fromArgs : fromArgs.isEmpty() ? piped : piped + "\n\n" + fromArgs;
        if (prompt.isEmpty()) {
            throw new CliException("nothing to ask: give a prompt, e.g. t3 ask \"hello\", or pipe text in.",
                    ExitCode.USAGE);
        }
        return prompt;
    }

    private String readStdin() {
        try {
            return new String(context.in().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read standard input", e);
        }
    }
}
