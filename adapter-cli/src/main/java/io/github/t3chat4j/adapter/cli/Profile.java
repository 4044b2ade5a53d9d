package io.github.t3chat4j.adapter.cli;

/** Which t3.chat a run talks to: the real one, or the bundled fake of {@code --demo}. */
public enum Profile {
    /** The real t3.chat (or the {@code --base-url} given), with the user's credentials. */
    LIVE,
    /** A fake t3.chat started on this machine, with placeholder credentials and a data folder of its own. */
    DEMO
}
