/**
 * The one unchecked exception hierarchy of t3chat4j, rooted at {@link io.github.t3chat4j.application.error.T3ChatException}.
 * Messages say what to do next and never contain a cookie or session value.
 */
package io.github.t3chat4j.application.error;
