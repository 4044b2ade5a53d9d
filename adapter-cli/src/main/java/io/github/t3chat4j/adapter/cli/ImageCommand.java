package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.ChatOptions;
import io.github.t3chat4j.application.DownloadProgressListener;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.message.Message;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code t3 image PROMPT}: generates an image, saves it, prints its path. */
@Command(name = "image",
        mixinStandardHelpOptions = true,
        description = "Generate an image with an image model, save it and print where it is.",
        footer = {"", "Examples:",
            "  t3 image \"a lighthouse at dusk, watercolour\"",
            "  t3 image -o cat.png --model gemini-imagen-4 \"a cat in a hat\"",
            "", "Without -o the image goes to $XDG_DATA_HOME/t3chat4j/images",
            "(~/.local/share/t3chat4j/images)."})
final class ImageCommand implements Callable<Integer> {

    @ParentCommand
    T3Command root;

    /** Read by {@link T3Command#settings} with those given before this command's name. */
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "What to draw (words are joined with spaces).")
    List<String> words;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to save it (the extension is added from the image's bytes when missing).")
    Path output;

    @Option(names = {"-m", "--model"}, paramLabel = "ID", description = "Image model (default gpt-image-1).")
    String model;

    private final CliContext context;

    ImageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String prompt = String.join(" ", words).strip();
        if (prompt.isEmpty()) {
            throw new CliException("nothing to draw: give a prompt, e.g. t3 image \"a red bicycle\".", ExitCode.USAGE);
        }
        Map<String, String> flags = new HashMap<>();
        flags.put(Settings.MODEL, model != null ? model : ModelId.DEFAULT_IMAGE.value());
        Settings resolved = root.settings(flags);
        ModelId modelId = resolved.model();
        boolean terminal = context.errColour();
        ConnectionSettings connection = root.boundary(resolved).connection(modelId, resolved.chatSettings());
        try (T3Client client = root.services().connect(connection)) {
            Message reply;
            Spinner spinner = context.errColour() ? Spinner.start(context.err()) : Spinner.NONE;
            try {
                reply = client.chat().send(prompt, ChatOptions.defaults().withModel(modelId)
                        .withSettings(resolved.chatSettings()));
            } finally {
                spinner.stop();
            }
            ImageContent image = reply.image().orElseThrow(() -> new CliException("the model answered without an"
                    + " image" + (reply.text().isBlank() ? "" : ": " + firstLine(reply.text()))
                    + ". Is '" + modelId + "' an image model? See t3 models --images.", ExitCode.PROTOCOL));
            DownloadProgress progress = terminal && !image.isInline() ? new DownloadProgress(context.err())
                    : null;
            ImageContent saved;
            try {
                saved = client.saveImage(image,
                        output != null ? ImageTarget.at(context.resolve(output)) : ImageTarget.generated(prompt),
                        progress != null ? progress : DownloadProgressListener.NONE);
            } finally {
                if (progress != null) {
                    progress.finish();
                }
            }
            context.out().println(saved.localPath().orElseThrow());
            context.out().flush();
            return ExitCode.OK;
        }
    }

    /** The first line of {@code text}, cut to 80 characters. */
    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }
}
