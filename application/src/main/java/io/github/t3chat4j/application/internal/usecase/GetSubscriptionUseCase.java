package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.domain.account.SubscriptionData;

/**
 * Reads whether the account pays and its tier ({@code getSubscriptionData}).
 */
public interface GetSubscriptionUseCase {

    SubscriptionData getSubscription();
}
