/**
 * Signing in from a browser: which browsers t3 can read, and what reading one of their profiles found
 * (a session, or where it looked in vain). Every value here prints names only, never a secret.
 */
package io.github.t3chat4j.domain.browser;
