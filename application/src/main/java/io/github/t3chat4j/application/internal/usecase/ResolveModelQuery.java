package io.github.t3chat4j.application.internal.usecase;

import static java.util.Objects.requireNonNull;


/** Find the catalogue model with the id the user typed ({@code requestedId}, as typed). */
public record ResolveModelQuery(String requestedId) {

    public ResolveModelQuery {
        requireNonNull(requestedId, "requestedId == null");
    }
}
