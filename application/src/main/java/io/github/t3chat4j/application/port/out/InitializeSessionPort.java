package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.session.Session;

/** Opens the session with t3.chat ({@code GET /}); throws the same errors as {@link StreamChatPort}. */
@FunctionalInterface
public interface InitializeSessionPort {

    void initialize(Session session);
}
