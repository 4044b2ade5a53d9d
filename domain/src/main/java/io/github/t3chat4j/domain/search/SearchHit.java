package io.github.t3chat4j.domain.search;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.domain.chat.ModelId;
import io.github.t3chat4j.domain.message.Role;
import io.github.t3chat4j.domain.thread.ThreadId;
import java.time.Instant;
import java.util.Optional;

/**
 * One conversation a search found, shown by its best matching message (by relevance) or its newest one
 * (by date): the conversation's id (for {@code t3 conversations show ID} or {@code t3 ask --conversation
 * ID}) and title, the message's author, model and time (the conversation's last update and model when
 * only the title matched), a snippet around the match, how many of its messages matched (the title not
 * counted), and the score (higher is better; 0 when the query had no words).
 */
public record SearchHit(ThreadId threadId, String title, ModelId model, Optional<Role> role, Instant date,
        Snippet snippet, int matchingMessages, double score) {

    public SearchHit {
        requireNonNull(threadId, "threadId == null");
        requireNonNull(title, "title == null");
        requireNonNull(model, "model == null");
        requireNonNull(role, "role == null");
        requireNonNull(date, "date == null");
        requireNonNull(snippet, "snippet == null");
        if (matchingMessages < 0) {
            throw new IllegalArgumentException("matchingMessages cannot be negative.");
        }
    }
}
