/** Conversations (t3.chat calls them threads): a thread id and the message history sent with every request. */
package io.github.t3chat4j.domain.thread;
