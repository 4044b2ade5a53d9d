package io.github.t3chat4j.application;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.t3chat4j.application.port.in.InitializeSessionUseCase;
import io.github.t3chat4j.application.port.in.RefreshSessionUseCase;
import io.github.t3chat4j.application.port.in.SendMessageUseCase;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.InitializeSessionPort;
import io.github.t3chat4j.application.port.out.RenewSessionPort;
import io.github.t3chat4j.application.port.out.StreamChatPort;
import io.github.t3chat4j.application.service.InitializeSessionService;
import io.github.t3chat4j.application.service.RefreshSessionService;
import io.github.t3chat4j.application.service.SendMessageService;

/**
 * Guice bindings for the use cases, built from the driven ports that adapter modules bind. Binds
 * {@link SendMessageUseCase}, {@link RefreshSessionUseCase}, {@link InitializeSessionUseCase}, and a
 * {@link T3Client.Builder} already holding the transport ports (add credentials, then build). The
 * only Guice class of the core: a program without Guice uses {@link T3Client#builder()} instead.
 */
public final class ApplicationModule extends AbstractModule {

    @Provides
    RefreshSessionUseCase refreshSession(RenewSessionPort renewSession) {
        return new RefreshSessionService(renewSession);
    }

    @Provides
    SendMessageUseCase sendMessage(StreamChatPort chat, RefreshSessionUseCase refreshSession) {
        return new SendMessageService(chat, refreshSession);
    }

    @Provides
    InitializeSessionUseCase initializeSession(InitializeSessionPort initializeSession) {
        return new InitializeSessionService(initializeSession);
    }

    /** A fresh builder per call, with the HTTP ports set; the caller adds credentials and storage. */
    @Provides
    T3Client.Builder clientBuilder(StreamChatPort chat, RenewSessionPort renewSession,
            InitializeSessionPort initializeSession, FetchImagePort fetchImage) {
        return T3Client.builder()
                .chatTransport(chat)
                .sessionRenewal(renewSession)
                .sessionInitializer(initializeSession)
                .imageFetcher(fetchImage);
    }
}
