package io.github.t3chat4j.adapter.openai.internal.emulation;

/**
 * Hears a reply's text and reasoning as they arrive, on the thread that runs the turn. The default
 * methods ignore them.
 */
public interface DeltaListener {

    DeltaListener NONE = new DeltaListener() {
    };

    /** A piece of the answer's text (never part of a call block). */
    default void onText(String delta) {
    }

    /** A piece of the model's reasoning. */
    default void onReasoning(String delta) {
    }
}
