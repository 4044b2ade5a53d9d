package io.github.t3chat4j.application.internal.usecase;

import io.github.t3chat4j.application.TrackCreditsResult;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a send and measures the credits it used. The balance before is read on another thread, started
 * just before {@code send} runs, so the reply is not delayed; after the send the balance is read again,
 * a bounded number of times, until it changes. When the server flags the balance as unreliable, the
 * balance never changes within the bound, or a read fails, the {@link TrackCreditsResult#usage()} says
 * so instead of reporting a deduction; those cases never throw.
 *
 * <p>{@code send} runs on the caller's thread; its exceptions propagate unchanged (and nothing is
 * measured). {@code finishReason} extracts the reply's finish reason from what {@code send} returned.
 */
public interface TrackCreditsUseCase {

    <T> TrackCreditsResult<T> trackCredits(TrackCreditsCommand command, Supplier<T> send,
            Function<? super T, String> finishReason);
}
