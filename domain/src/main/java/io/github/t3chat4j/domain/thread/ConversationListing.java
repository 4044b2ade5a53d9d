package io.github.t3chat4j.domain.thread;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The stored conversations, newest first (by {@code updatedAt}), and the problems met while listing
 * them: a file that could not be read is reported here and left as it is, never breaking the listing.
 */
public record ConversationListing(List<ConversationSummary> conversations, List<StorageProblem> problems) {

    public ConversationListing {
        conversations = List.copyOf(requireNonNull(conversations, "conversations == null"));
        problems = List.copyOf(requireNonNull(problems, "problems == null"));
    }
}
