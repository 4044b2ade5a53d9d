package io.github.t3chat4j.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.t3chat4j.application.port.out.LoadConversationPort;
import io.github.t3chat4j.application.port.out.LockConversationPort;
import io.github.t3chat4j.application.port.out.SaveConversationPort;
import java.util.Optional;

/**
 * Keeps no conversation: the gateway's requests each bring their whole history, so none of them is
 * written to the user's conversation store. Binding the port wins over the storage adapters'.
 */
final class KeepNoConversationsModule extends AbstractModule {

    @Provides
    SaveConversationPort keepNone() {
        return conversation -> { };
    }

    /** Nothing is stored, so nothing is read back or locked either. */
    @Provides
    LoadConversationPort readNone() {
        return threadId -> Optional.empty();
    }

    @Provides
    LockConversationPort lockNone() {
        return LockConversationPort.NONE;
    }
}
