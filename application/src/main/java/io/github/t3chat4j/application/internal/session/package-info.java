/**
 * The session keeper: the one holder of a connection's current {@code Session}, shared by every use
 * case of that connection.
 */
package io.github.t3chat4j.application.internal.session;
