package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.port.in.Cancellation;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
            "  t3 ask --model gpt-image-1 --save-image cat.png \"a cat in a hat\"",
            "  t3 --demo ask --show-reasoning \"think about it\""})
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    @Parameters(arity = "0..*", paramLabel = "PROMPT", description = "The message (words are joined with spaces).")
    List<String> words = List.of();

    @Option(names = {"-m", "--model"}, paramLabel = "ID",
            description = "Model id (env T3_MODEL, default gemini-2.5-flash-lite).")
    String model;

    @Option(names = "--reasoning", paramLabel = "LEVEL", description = "Reasoning effort: low, medium or high.")
    String reasoning;

    @Option(names = "--search", description = "Let the model search the web.")
    boolean search;

    @Option(names = {"-s", "--system"}, paramLabel = "TEXT", description = "A system prompt (env T3_SYSTEM_PROMPT).")
    String system;

    @Option(names = "--show-reasoning", description = "Print the model's reasoning to standard error.")
    boolean showReasoning;

    @Option(names = "--save-image", paramLabel = "FILE", description = "Save an image reply to FILE and print its path.")
    Path saveImage;

    private final CliContext context;

    AskCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String prompt = prompt();
        ModelId modelId = ModelId.of(model != null ? model : context.env("T3_MODEL").orElse(ModelId.DEFAULT.value()));
        ChatSettings settings = settings();
        EventRenderer renderer = new EventRenderer(context.out(), showReasoning ? context.err() : null,
                colour());
        try (T3Client client = context.clients().open(root.connection(modelId, settings))) {
            Message reply;
            try {
                reply = client.send(modelId, prompt, settings, renderer::render, new Cancellation());
            } finally {
                renderer.finish();
            }
            reply.image().ifPresent(image -> reportImage(client, image, prompt));
            if (!reply.isComplete()) {
                context.err().println("t3: the reply was stopped by the server before it finished.");
                context.err().flush();
                return ExitCode.PROTOCOL;
            }
            return ExitCode.OK;
        }
    }

    private void reportImage(T3Client client, ImageContent image, String prompt) {
        if (saveImage == null) {
            context.out().println(image.url().orElse("(inline image: use --save-image FILE to save it)"));
        } else {
            ImageContent saved = client.saveImage(image, ImageTarget.at(saveImage));
            context.out().println(saved.localPath().orElse(saveImage.toString()));
        }
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

    private ChatSettings settings() {
        ChatSettings settings = ChatSettings.defaults().withSearch(search);
        if (reasoning != null) {
            settings = settings.withReasoningEffort(ReasoningEffort.parse(reasoning));
        }
        String systemPrompt = system != null ? system : context.env("T3_SYSTEM_PROMPT").orElse("");
        settings = settings.withSystemPrompt(systemPrompt);
        if (context.env("T3_TIMEZONE").isPresent()) {
            settings = settings.withTimezone(context.env("T3_TIMEZONE").get());
        }
        if (context.env("T3_LOCALE").isPresent()) {
            settings = settings.withLocale(context.env("T3_LOCALE").get());
        }
        return settings;
    }

    private boolean colour() {
        return context.stdoutIsTerminal() && context.env("NO_COLOR").isEmpty();
    }
}
