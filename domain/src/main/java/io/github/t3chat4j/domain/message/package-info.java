/** Messages of a conversation: who said what, with the reasoning and image that came with it. */
package io.github.t3chat4j.domain.message;
