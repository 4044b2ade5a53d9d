package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.cli.render.Capabilities;
import io.github.t3chat4j.adapter.cli.render.Clipboard;
import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.application.T3Client;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.Chat;
import io.github.t3chat4j.application.ChatOptions;
import io.github.t3chat4j.application.ReplyStream;
import io.github.t3chat4j.application.DownloadProgressListener;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.chat.ReasoningEffort;
import io.github.t3chat4j.domain.message.ImageContent;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.domain.message.Message;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The interactive chat behind {@code t3 chat}: reads messages with JLine (persistent history, bracketed
 * paste, {@code \} line continuation and {@code """} blocks), streams each reply with a spinner until the
 * first event, and handles slash commands. Ctrl-C while a reply streams cancels that reply and keeps
 * its partial text; Ctrl-C at an empty prompt or Ctrl-D ends the session. An error prints one line and
 * the session goes on. All output goes to the terminal's writer.
 */
final class ChatRepl {

    static final String HELP = String.join("\n",
            "Type a message and press Enter. Multi-line: paste, end a line with \\, or wrap text in \"\"\" lines.",
            "Ctrl-C stops a reply (its partial text is kept); Ctrl-C on an empty line or Ctrl-D quits.",
            "  /help                  this list",
            "  /new                   start a new conversation",
            "  /resume ID             continue a stored conversation",
            "  /model [ID]            show or set the model",
            "  /system [TEXT|clear]   show, set or clear the system prompt",
            "  /reasoning low|medium|high",
            "  /search on|off         let the model search the web",
            "  /search QUERY          search the stored conversations (t3 conversations search --help)",
            "  /image PROMPT          generate an image with " + ModelId.DEFAULT_IMAGE.value(),
            "  /credits               the account's credit balance and usage",
            "  /conversations         the stored conversations, newest first",
            "  /copy [code]           copy the last reply (or its last code block) to the clipboard",
            "  /quit                  leave");

    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";
    private static final String BLOCK = "\"\"\"";

    private final Terminal terminal;
    private final T3Client client;
    private final Path historyFile;
    private final boolean fancy;
    private final PrintWriter out;
    private ModelId model;
    private ChatSettings settings;
    private volatile ReplyStream streaming;
    private Chat chat;
    private final Extras extras;
    private final Rendering rendering;
    private String lastReply = "";

    /**
     * How replies look: rendered as Markdown or printed as they come, and what the terminal can do (for
     * hyperlinks and {@code /copy}).
     */
    record Rendering(boolean markdown, Capabilities capabilities) {
        /** Replies printed as they come; no clipboard. */
        static final Rendering OFF = new Rendering(false, Capabilities.PLAIN);

        Rendering {
            requireNonNull(capabilities, "capabilities == null");
        }
    }

    /**
     * What the REPL shows for /credits, /conversations and /search; each call may throw a
     * {@code T3ChatException}.
     */
    interface Extras {
        /** Without account or storage access: says so. */
        Extras NONE = new Extras() {
            @Override
            public String credits(T3Client client) {
                return "/credits needs account access, which this build does not have.";
            }

            @Override
            public String conversations() {
                return "/conversations needs conversation storage, which this build does not have.";
            }

            @Override
            public String search(String query, boolean colour) {
                return "/search needs conversation storage, which this build does not have.";
            }
        };

        String credits(T3Client client);

        String conversations();

        /** The stored conversations matching {@code query}, as lines to print (styled when {@code colour}). */
        String search(String query, boolean colour);
    }

    /**
     * @param historyFile where the input history is kept, or null for none
     * @param fancy whether colour, control sequences and the spinner may be used
     */
    ChatRepl(Terminal terminal, T3Client client, ModelId model, ChatSettings settings, Path historyFile,
            boolean fancy) {
        this(terminal, client, model, settings, historyFile, fancy, Extras.NONE);
    }

    ChatRepl(Terminal terminal, T3Client client, ModelId model, ChatSettings settings, Path historyFile,
            boolean fancy, Extras extras) {
        this(terminal, client, model, settings, historyFile, fancy, extras, Rendering.OFF);
    }

    ChatRepl(Terminal terminal, T3Client client, ModelId model, ChatSettings settings, Path historyFile,
            boolean fancy, Extras extras, Rendering rendering) {
        this.rendering = requireNonNull(rendering, "rendering == null");
        this.extras = requireNonNull(extras, "extras == null");
        this.terminal = requireNonNull(terminal, "terminal == null");
        this.client = requireNonNull(client, "client == null");
        this.model = requireNonNull(model, "model == null");
        this.settings = requireNonNull(settings, "settings == null");
        this.historyFile = historyFile;
        this.fancy = fancy;
        this.out = terminal.writer();
        this.chat = client.chat(options(model));
    }

    private ChatOptions options(ModelId sendModel) {
        return ChatOptions.defaults().withModel(sendModel).withSettings(settings);
    }

    /** Runs the session until /quit, Ctrl-D or Ctrl-C at an empty prompt; returns the exit code. */
    int run() {
        LineReader reader = lineReader();
        out.println("t3 chat with " + model.value() + ". /help lists commands; Ctrl-D quits.");
        out.flush();
        try {
            while (true) {
                String input;
                try {
                    input = readMessage(reader);
                } catch (UserInterruptException e) {
                    if (e.getPartialLine() == null || e.getPartialLine().isBlank()) {
                        break;
                    }
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                String text = input.strip();
                if (text.isEmpty()) {
                    continue;
                }
                try {
                    if (text.startsWith("/")) {
                        if (!command(text)) {
                            break;
                        }
                    } else {
                        send(model, text);
                    }
                } catch (RuntimeException e) {
                    note("error: " + messageOf(e));
                }
            }
        } finally {
            saveHistory(reader);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Cancels the reply that is streaming, if any; what Ctrl-C does while a reply streams. */
    void cancelReply() {
        ReplyStream current = streaming;
        if (current != null) {
            current.close();
        }
    }

    /** The conversation the chat sends in now. */
    Chat chat() {
        return chat;
    }

    ModelId model() {
        return model;
    }

    ChatSettings settings() {
        return settings;
    }

    private LineReader lineReader() {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("t3")
                .parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.BRACKETED_PASTE, true)
                .option(LineReader.Option.HISTORY_INCREMENTAL, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        return builder.build();
    }

    private void saveHistory(LineReader reader) {
        if (historyFile == null) {
            return;
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            note("could not save the history: " + e.getMessage());
        }
    }

    /** One message: a line; lines joined while they end with {@code \}; or a {@code """} block. */
    private String readMessage(LineReader reader) {
        String line = reader.readLine(prompt());
        if (line == null) {
            throw new EndOfFileException();
        }
        if (line.strip().equals(BLOCK)) {
            StringBuilder block = new StringBuilder();
            while (true) {
                String next = reader.readLine(continuation());
                if (next == null || next.strip().equals(BLOCK)) {
                    return block.toString();
                }
                if (block.length() > 0) {
                    block.append('\n');
                }
                block.append(next);
            }
        }
        StringBuilder message = new StringBuilder();
        while (line.endsWith("\\")) {
            message.append(line, 0, line.length() - 1).append('\n');
            line = reader.readLine(continuation());
        }
        return message.append(line).toString();
    }

    private String prompt() {
        return fancy ? "\u001b[1m›\u001b[0m " : "> ";
    }

    private String continuation() {
        return fancy ? DIM + "…" + RESET + " " : ". ";
    }

    /** Runs a slash command; false to end the session. */
    private boolean command(String text) {
        int space = text.indexOf(' ');
        String name = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String arg = space < 0 ? "" : text.substring(space + 1).strip();
        switch (name) {
            case "/quit", "/exit", "/q" -> {
                return false;
            }
            case "/help", "/?" -> note(HELP);
            case "/new" -> {
                chat = client.chat(options(model));
                note("New conversation.");
            }
            case "/resume" -> resume(arg);
            case "/model" -> {
                if (!arg.isEmpty()) {
                    model = ModelId.of(arg);
                }
                note("model: " + model.value());
            }
            case "/system" -> system(arg);
            case "/reasoning" -> {
                if (!arg.isEmpty()) {
                    settings = settings.withReasoningEffort(ReasoningEffort.parse(arg));
                }
                note("reasoning: " + settings.reasoningEffort().wireValue());
            }
            case "/search" -> search(arg);
            case "/image" -> image(arg);
            case "/credits" -> note(extras.credits(client));
            case "/conversations" -> note(extras.conversations());
            case "/copy" -> copy(arg);
            default -> note("unknown command " + name + "; /help lists the commands.");
        }
        return true;
    }

    private void resume(String arg) {
        if (arg.isEmpty()) {
            note("usage: /resume ID. This conversation: "
                    + chat.threadId().map(ThreadId::value).orElse("(new, not sent yet)"));
            return;
        }
        try {
            chat = client.resume(ThreadId.of(arg));
            note("Resumed " + arg + " (" + chat.messages().size() + " messages).");
        } catch (InvalidInputException e) {
            note("cannot resume: " + e.getMessage() + " (resuming needs conversation storage)");
        }
    }

    private void system(String arg) {
        if (arg.equalsIgnoreCase("clear")) {
            settings = settings.withSystemPrompt("");
        } else if (!arg.isEmpty()) {
            settings = settings.withSystemPrompt(arg);
        }
        note("system prompt: " + (settings.systemPrompt().isEmpty() ? "(none)" : settings.systemPrompt()));
    }

    /** {@code /search on|off} turns the model's web search on or off; any other words search the stored conversations. */
    private void search(String arg) {
        if (arg.equalsIgnoreCase("on")) {
            settings = settings.withSearch(true);
        } else if (arg.equalsIgnoreCase("off")) {
            settings = settings.withSearch(false);
        } else if (!arg.isEmpty()) {
            out.println(extras.search(arg, fancy).stripTrailing());
            out.flush();
            return;
        } else {
            note("usage: /search on|off (the model's web search), or /search WORDS (the stored conversations)");
        }
        note("web search: " + (settings.search() ? "on" : "off"));
    }

    private void image(String prompt) {
        if (prompt.isEmpty()) {
            note("usage: /image PROMPT");
            return;
        }
        Message reply = send(ModelId.DEFAULT_IMAGE, prompt);
        if (reply == null || reply.image().isEmpty()) {
            if (reply != null && reply.isComplete()) {
                note("no image came back.");
            }
            return;
        }
        ImageContent image = reply.image().get();
        image.url().ifPresent(url -> note("image: " + url));
        try {
            ImageContent saved = client.saveImage(image, ImageTarget.generated(prompt), DownloadProgressListener.NONE);
            note("saved: " + saved.localPath().orElse("(no path reported)"));
        } catch (InvalidInputException e) {
            note("not saved: " + e.getMessage());
        }
    }

    /** Sends and streams one message; returns the reply, or null when it failed (reported already). */
    private Message send(ModelId sendModel, String text) {
        ReplyRenderer renderer = rendering.markdown()
                ? new MarkdownReplyRenderer(out, out, true, rendering.capabilities(), TerminalSize.of(terminal))
                : new EventRenderer(out, out, fancy);
        Spinner spinner = fancy ? Spinner.start(out) : Spinner.NONE;
        ReplyStream stream = chat.stream(text, options(sendModel));
        AtomicBoolean cancelled = new AtomicBoolean();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            cancelled.set(true);
            stream.close();
        });
        streaming = stream;
        Message reply;
        try (stream) {
            renderer.render(stream, spinner::stop);
            reply = stream.message();
        } finally {
            streaming = null;
            terminal.handle(Terminal.Signal.INT, previous);
            spinner.stop();
            renderer.finish();
        }
        if (!reply.isError() && !reply.text().isBlank()) {
            lastReply = reply.text();
        }
        if (cancelled.get()) {
            note("[cancelled]");
        } else if (reply.isError()) {
            note("error: " + reply.text());
        } else if (!reply.isComplete()) {
            note("[incomplete: the server stopped the reply early]");
        }
        return reply;
    }

    /** {@code /copy}: the last reply, or with {@code code} its last code block, to the clipboard through OSC 52. */
    private void copy(String arg) {
        if (!arg.isEmpty() && !arg.equalsIgnoreCase("code")) {
            note("usage: /copy (the last reply) or /copy code (its last code block)");
            return;
        }
        if (lastReply.isEmpty()) {
            note("nothing to copy yet: no reply in this session.");
            return;
        }
        String text = lastReply;
        String what = "the last reply";
        if (!arg.isEmpty()) {
            Optional<String> code = Clipboard.lastCodeBlock(lastReply);
            if (code.isEmpty()) {
                note("the last reply has no code block.");
                return;
            }
            text = code.get();
            what = "the last code block";
        }
        if (!rendering.capabilities().clipboard()) {
            note("cannot copy: this terminal is not known to accept clipboard writes (OSC 52). If yours does"
                    + " (kitty, WezTerm, foot, Alacritty, Windows Terminal, tmux with set-clipboard on), set"
                    + " T3_CLIPBOARD=true.");
            return;
        }
        out.print(Clipboard.osc52(text));
        out.flush();
        note("copied " + what + " (" + text.lines().count() + " lines) to the clipboard.");
    }

    /** A line of the chat's own, dimmed; what it quotes (errors, titles, URLs) is made safe to print. */
    private void note(String text) {
        String safe = TerminalSafe.text(text);
        out.println(fancy ? DIM + safe + RESET : safe);
        out.flush();
    }

    private static String messageOf(RuntimeException e) {
        String message = ErrorReporter.message(e);
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst()
                .orElse(message);
    }
}
