/**
 * The pure model of t3chat4j: sessions, conversations, messages and reply events, with the rules on
 * them. Depends on the JDK only; every type is immutable and validates itself when built.
 */
package io.github.t3chat4j.domain;
