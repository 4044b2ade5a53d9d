/** What a reply stream carries, as typed events, and the rule that folds them into a reply. */
package io.github.t3chat4j.domain.stream;
