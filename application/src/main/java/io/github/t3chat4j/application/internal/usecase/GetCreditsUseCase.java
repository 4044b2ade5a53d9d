package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.account.CustomerData;

/**
 * Reads the account's credit balance and usage windows ({@code getCustomerData}). A missing or
 * malformed balance is an {@link io.github.t3chat4j.application.error.UnexpectedResponseException}, never a
 * zero; a rejected session is a {@link io.github.t3chat4j.application.error.SessionExpiredException}.
 */
public interface GetCreditsUseCase {

    CustomerData getCredits();
}
