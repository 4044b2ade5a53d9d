package io.github.t3chat4j.adapter.openai.internal.emulation;

import static java.util.Objects.requireNonNull;

/**
 * Whether and which tool the model must call: {@link Auto} (it decides), {@link None} (no tool; the
 * tools are not even shown), {@link Required} (at least one call, any tool) or {@link Named} (a call of
 * that tool).
 */
public sealed interface ToolChoice {

    ToolChoice AUTO = new Auto();
    ToolChoice NONE = new None();
    ToolChoice REQUIRED = new Required();

    record Auto() implements ToolChoice {
    }

    record None() implements ToolChoice {
    }

    record Required() implements ToolChoice {
    }

    record Named(String name) implements ToolChoice {

        public Named {
            requireNonNull(name, "name == null");
        }
    }
}
