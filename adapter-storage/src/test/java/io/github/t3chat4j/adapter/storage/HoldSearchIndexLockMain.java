package io.github.t3chat4j.adapter.storage;

import java.nio.file.Path;
import java.time.Duration;

/** A second process for the search index tests: takes the index's lock, says so, and holds it until stdin closes. */
public final class HoldSearchIndexLockMain {

    private HoldSearchIndexLockMain() {
    }

    public static void main(String[] args) throws Exception {
        try (SearchIndexLock.Held held = SearchIndexLock.acquire(Path.of(args[0]), Duration.ofSeconds(30))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the lock until the parent closes our standard input.
            }
        }
    }
}
