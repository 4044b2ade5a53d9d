/**
 * What both browser families need: a private copy of a profile's databases, SQLite access to a copy, the
 * cookies found and the header made of them, and running a keyring command.
 */
package io.github.t3chat4j.adapter.browser.internal.common;
