package io.github.t3chat4j.adapter.cli.render;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Measures, not asserts: how fast whole documents render, and what streaming costs per delta for the
 * samples, for one long code block and for one long paragraph. Run with
 * {@code mvn -q -B -pl adapter-cli -am test-compile exec:java@bench}.
 */
public final class RenderBenchmark {

    private static final Capabilities COLOUR = new Capabilities(true, true, false);

    private RenderBenchmark() {
    }

    public static void main(String[] args) {
        StringBuilder samples = new StringBuilder();
        for (String name : Samples.NAMES) {
            samples.append(Samples.read(name)).append("\n\n");
        }
        String document = samples.toString().repeat(10);
        StringBuilder code = new StringBuilder("```java\n");
        for (int i = 0; i < 2000; i++) {
            code.append("    int value").append(i).append(" = compute(\"text\", ").append(i).append("); // note\n");
        }
        String codeBlock = code.append("```\n").toString();
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            words.append("word").append(i).append(i % 12 == 11 ? "\n" : " ");
        }
        String paragraph = words.toString();

        for (int round = 0; round < 3; round++) {
            boolean report = round == 2;
            whole(document, report);
            stream("samples", document, report);
            stream("2,000-line code block", codeBlock, report);
            stream("one paragraph of 3,000 words", paragraph, report);
        }
    }

    private static void whole(String document, boolean report) {
        MarkdownRenderer renderer = new MarkdownRenderer(COLOUR, false);
        long start = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) {
            renderer.render(document, 100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.out.printf(Locale.ROOT, "whole rendering: %.1f KiB of Markdown in %.1f ms (%.1f MiB/s)%n",
                    document.length() / 1024.0, seconds * 1000 / runs, document.length() * runs / seconds / 1048576);
        }
    }

    private static void stream(String what, String text, boolean report) {
        List<String> deltas = Samples.every(text, 4);
        PrintWriter out = new PrintWriter(Writer.nullWriter());
        long start = System.nanoTime();
        MarkdownStream stream = new MarkdownStream(out, new MarkdownRenderer(COLOUR, false), 100, 50, 100);
        for (String delta : deltas) {
            stream.append(delta);
        }
        stream.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.out.printf(Locale.ROOT, "streamed %s: %.1f KiB in %,d deltas, %.0f ms (%.1f µs per delta)%n",
                    what, text.length() / 1024.0, deltas.size(), seconds * 1000, seconds * 1e6 / deltas.size());
        }
    }
}
