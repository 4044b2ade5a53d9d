package io.github.t3chat4j.adapter.storage;

import java.nio.file.Path;

/** A second process for the cleanup test: writes a file through {@link AtomicFiles} that never finishes. */
public final class SlowWriteMain {

    private SlowWriteMain() {
    }

    public static void main(String[] args) {
        new AtomicFiles().write(Path.of(args[0]), out -> {
            byte[] chunk = new byte[1 << 20];
            while (true) {
                out.write(chunk);
                out.flush();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }
}
