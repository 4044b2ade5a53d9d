package io.github.t3chat4j.application.internal.usecase;

/** Checks that t3.chat accepts the session ({@code GET /}); throws the transport's typed errors if not. */
public interface InitializeSessionUseCase {

    void initializeSession();
}
