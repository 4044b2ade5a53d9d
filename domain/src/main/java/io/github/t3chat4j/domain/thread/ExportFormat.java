package io.github.t3chat4j.domain.thread;

/** The formats a conversation can be exported in. */
public enum ExportFormat {
    /** A readable document: roles as headings, reasoning folded away, image links, incomplete markers. */
    MARKDOWN,
    /** The same JSON document the conversation store writes (with its {@code schemaVersion}). */
    JSON
}
