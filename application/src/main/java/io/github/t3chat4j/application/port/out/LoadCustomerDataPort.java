package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.account.CustomerData;
import io.github.t3chat4j.domain.session.Session;

/**
 * Reads the account's credits and usage ({@code getCustomerData}). Never returns a made-up balance:
 * an answer without one is an {@link io.github.t3chat4j.application.error.UnexpectedResponseException}.
 * Throws {@link io.github.t3chat4j.application.error.SessionExpiredException} on 401/403 and the other
 * {@link io.github.t3chat4j.application.error.T3ChatException}s like the chat transport. Thread-safe.
 */
@FunctionalInterface
public interface LoadCustomerDataPort {

    CustomerData loadCustomerData(Session session);
}
