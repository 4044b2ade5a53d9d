/**
 * Markdown in the terminal, part of the CLI (a driving adapter): {@link io.github.t3chat4j.adapter.cli.render.MarkdownRenderer}
 * turns a whole Markdown text into terminal rows (commonmark-java parses, the layout and colours are ours),
 * and {@link io.github.t3chat4j.adapter.cli.render.MarkdownStream} shows a reply as its deltas arrive:
 * finished blocks rendered, the unfinished tail plain and redrawn once complete. Nothing here knows about
 * replies, commands or the core.
 */
package io.github.t3chat4j.adapter.cli.render;
