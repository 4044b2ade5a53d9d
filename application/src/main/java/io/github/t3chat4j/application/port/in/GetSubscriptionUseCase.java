package io.github.t3chat4j.application.port.in;

import io.github.t3chat4j.domain.account.SubscriptionData;

/**
 * Reads whether the account pays and its tier ({@code getSubscriptionData}).
 */
public interface GetSubscriptionUseCase {

    SubscriptionData getSubscription();
}
