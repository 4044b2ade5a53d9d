/**
 * The user's t3.chat account as the core sees it: credits and usage ({@link CustomerData}), the
 * subscription, pricing products, active sign-in sessions, and the credits one reply used
 * ({@link CreditUsage}). Immutable values; none holds a secret.
 */
package io.github.t3chat4j.domain.account;
