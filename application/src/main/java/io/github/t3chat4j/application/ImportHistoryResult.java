package io.github.t3chat4j.application;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.thread.ThreadId;
import java.util.List;

/**
 * What an import did: threads stored for the first time, stored threads that gained messages, threads
 * left alone (already stored, nothing new, or a stored copy that could not be read), and one sentence
 * per thread left alone for a reason other than "already stored".
 */
public record ImportHistoryResult(
        List<ThreadId> imported, List<ThreadId> merged, List<ThreadId> skipped, List<String> problems) {

    public ImportHistoryResult {
        imported = List.copyOf(requireNonNull(imported, "imported == null"));
        merged = List.copyOf(requireNonNull(merged, "merged == null"));
        skipped = List.copyOf(requireNonNull(skipped, "skipped == null"));
        problems = List.copyOf(requireNonNull(problems, "problems == null"));
    }
}
