package io.github.t3chat4j.adapter.openai.internal.emulation;

/**
 * The model behind the gateway, as the emulation sees it: sends a {@link Prompt} (plain text messages)
 * and streams the reply. The gateway implements it over the t3chat4j client; tests with a script.
 */
@FunctionalInterface
public interface Upstream {

    /**
     * Sends {@code prompt}, hands every piece of the reply to {@code listener} as it arrives, and returns
     * how the reply ended once it has. A reply that fails or is cut short throws (whatever the
     * implementation throws; the emulation lets it through untouched).
     */
    Finish send(Prompt prompt, DeltaListener listener);
}
