package io.github.t3chat4j.application.internal.service;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.internal.usecase.TrackCreditsCommand;
import io.github.t3chat4j.application.TrackCreditsResult;
import io.github.t3chat4j.application.internal.usecase.TrackCreditsUseCase;
import io.github.t3chat4j.application.internal.usecase.GetCreditsUseCase;
import io.github.t3chat4j.application.port.out.SleepPort;
import io.github.t3chat4j.domain.account.CreditUsage;
import io.github.t3chat4j.domain.account.CreditUsage.Trust;
import io.github.t3chat4j.domain.account.CustomerData;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the balance before a send (on {@code executor}, so the send is not delayed) and after it
 * (polling through {@code sleep} until it changes), and reports the difference only when it can be
 * trusted.
 */
public final class TrackCreditsService implements TrackCreditsUseCase {

    /** How long the send waits for the before-read's thread to start, so that read goes out first. */
    private static final long START_WAIT_MILLIS = 500;

    private final GetCreditsUseCase credits;
    private final Executor executor;
    private final SleepPort sleep;

    public TrackCreditsService(GetCreditsUseCase credits, Executor executor, SleepPort sleep) {
        this.credits = requireNonNull(credits, "credits == null");
        this.executor = requireNonNull(executor, "executor == null");
        this.sleep = requireNonNull(sleep, "sleep == null");
    }

    @Override
    public <T> TrackCreditsResult<T> trackCredits(TrackCreditsCommand command, Supplier<T> send,
            Function<? super T, String> finishReason) {
        requireNonNull(command, "command == null");
        requireNonNull(send, "send == null");
        requireNonNull(finishReason, "finishReason == null");
        CompletableFuture<CustomerData> beforeRead = startBeforeRead();
        T value = send.get();
        String reason = Optional.ofNullable(finishReason.apply(value)).orElse("");
        return new TrackCreditsResult<>(value, measure(command, beforeRead, reason));
    }

    private CompletableFuture<CustomerData> startBeforeRead() {
        CompletableFuture<CustomerData> result = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        try {
            executor.execute(() -> {
                started.countDown();
                try {
                    result.complete(credits.getCredits());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            started.await(START_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    private CreditUsage measure(TrackCreditsCommand command, CompletableFuture<CustomerData> beforeRead,
            String finishReason) {
        CustomerData before;
        try {
            before = beforeRead.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Optional<BigDecimal> after = readOnce().map(CustomerData::balance);
            return CreditUsage.untrusted(Trust.UNREADABLE, Optional.empty(), after, finishReason,
                    "the balance before the send could not be read (" + describe(e) + ")");
        }
        CustomerData after = null;
        RuntimeException lastFailure = null;
        for (int poll = 0; poll < command.maxPolls(); poll++) {
            sleep.sleep(command.pollInterval());
            try {
                after = credits.getCredits();
                lastFailure = null;
                if (after.balance().compareTo(before.balance()) != 0) {
                    break;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
        }
        Optional<BigDecimal> beforeBalance = Optional.of(before.balance());
        if (after == null) {
            return CreditUsage.untrusted(Trust.UNREADABLE, beforeBalance, Optional.empty(), finishReason,
                    "the balance after the send could not be read (" + describe(lastFailure) + ")");
        }
        Optional<BigDecimal> afterBalance = Optional.of(after.balance());
        if (!before.balanceReliable() || !after.balanceReliable()) {
            return CreditUsage.untrusted(Trust.UNRELIABLE, beforeBalance, afterBalance, finishReason,
                    "t3.chat marks the balance as unreliable");
        }
        if (after.balance().compareTo(before.balance()) == 0) {
            return CreditUsage.untrusted(Trust.UNCHANGED, beforeBalance, afterBalance, finishReason,
                    "unchanged after " + command.maxPolls() + " polls");
        }
        return CreditUsage.trusted(before.balance(), after.balance(), finishReason);
    }

    private Optional<CustomerData> readOnce() {
        try {
            return Optional.of(credits.getCredits());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause == null) {
            return "no answer";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
