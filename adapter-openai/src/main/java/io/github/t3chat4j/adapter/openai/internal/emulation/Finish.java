package io.github.t3chat4j.adapter.openai.internal.emulation;

/** Why a turn's reply ended: it was complete, it hit the model's length limit, a filter, or it called tools. */
public enum Finish { STOP, LENGTH, CONTENT_FILTER, TOOL_CALLS }
