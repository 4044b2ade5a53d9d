package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.thread.Conversation;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a history export from the t3.chat web app (PROTOCOL.md section 7) into conversations, one per
 * thread id, without storing anything. Throws
 * {@link io.github.t3chat4j.application.error.InvalidInputException} naming the place in the JSON that
 * is malformed, and {@link io.github.t3chat4j.application.error.StorageException} when the file cannot
 * be read.
 */
@FunctionalInterface
public interface ParseHistoryPort {

    List<Conversation> parseHistory(Path source);
}
