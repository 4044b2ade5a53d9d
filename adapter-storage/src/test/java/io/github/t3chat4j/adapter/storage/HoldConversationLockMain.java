package io.github.t3chat4j.adapter.storage;

import io.github.t3chat4j.domain.thread.ThreadId;
import java.nio.file.Path;
import java.time.Duration;

/** A second process for the lock tests: takes a conversation's lock, says so, and holds it until stdin closes. */
public final class HoldConversationLockMain {

    private HoldConversationLockMain() {
    }

    public static void main(String[] args) throws Exception {
        FileConversationLockAdapter locks = new FileConversationLockAdapter(Path.of(args[0]), Duration.ofSeconds(30));
        try (var held = locks.lockConversation(ThreadId.of(args[1]), () -> false)) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the lock until the parent closes our standard input.
            }
        }
    }
}
