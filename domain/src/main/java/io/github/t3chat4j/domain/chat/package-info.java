/** What the user chooses for a send: the model and the chat settings. */
package io.github.t3chat4j.domain.chat;
