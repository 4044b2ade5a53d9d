package io.github.t3chat4j.adapter.http.internal.chat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DecoderBenchmark} with JMH's GC profiler ({@code -prof gc}) and prints, per reply format,
 * the decoder's MB/s and events/s, the newline-scan floor of the same run, the decoder's share of that
 * floor, and the bytes it allocates per event. {@code java -jar benchmarks/target/benchmarks.jar}.
 */
public final class DecoderBenchmarks {

    private DecoderBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(DecoderBenchmark.class.getSimpleName())
                .addProfiler(GCProfiler.class)
                .build()).run();
        Map<String, RunResult> byName = new TreeMap<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            byName.put(label.substring(label.lastIndexOf('.') + 1), result);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int events = DecoderBenchmark.DELTAS.size() + 1;
        out.printf(Locale.ROOT, "%nReply: %,d text deltas; UI message stream %,d bytes, data stream %,d bytes.%n",
                DecoderBenchmark.DELTAS.size(), DecoderBenchmark.UI_MESSAGE_STREAM.length,
                DecoderBenchmark.DATA_STREAM.length);
        out.println("| format | decoder MB/s | decoder events/s | newline scan MB/s | decoder / scan | bytes allocated per event |");
        out.println("|---|---|---|---|---|---|");
        row(out, "UI message stream (3a)", byName.get("uiMessageStreamDecoder"), byName.get("uiMessageStreamNewlineScan"),
                DecoderBenchmark.UI_MESSAGE_STREAM.length, events);
        row(out, "data stream (3b)", byName.get("dataStreamDecoder"), byName.get("dataStreamNewlineScan"),
                DecoderBenchmark.DATA_STREAM.length, events);
    }

    private static void row(PrintStream out, String format, RunResult decoder, RunResult scan, int bytes, int events) {
        double decodes = decoder.getPrimaryResult().getScore();
        double scans = scan.getPrimaryResult().getScore();
        Result<?> allocation = decoder.getSecondaryResults().get("gc.alloc.rate.norm");
        double perEvent = allocation == null ? Double.NaN : allocation.getScore() / events;
        out.printf(Locale.ROOT, "| %s | %.0f | %,.0f | %.0f | %.0f %% | %.0f |%n", format, decodes * bytes / 1e6,
                decodes * events, scans * bytes / 1e6, 100 * decodes / scans, perEvent);
    }
}
