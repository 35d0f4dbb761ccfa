package org.playerdesk.system.retry;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The one way PlayerDesk tries work again: Spring Framework's {@link RetryTemplate}, configured
 * per use with how many attempts in all, on which failures, and how long to pause in between.
 * Callers use {@link RetryTemplate#invoke}, which answers the work's result or throws the last
 * failure itself (never wrapped), so their own handling of that failure reads as without a retry.
 * A failure is tried again only when it is itself of one of the named types; what it wraps does
 * not count (a refusal that merely carries a conflict as its cause is not a conflict).
 */
public final class Retries {

    private Retries() {
    }

    /** Up to {@code attempts} tries in all, the next one at once, while the failure is one of {@code types}. */
    @SafeVarargs
    public static RetryTemplate atOnce(int attempts, Class<? extends Throwable>... types) {
        return atOnce(attempts, oneOf(types));
    }

    /** Up to {@code attempts} tries in all, the next one at once, while {@code retryable} says so. */
    public static RetryTemplate atOnce(int attempts, Predicate<Throwable> retryable) {
        return new RetryTemplate(RetryPolicy.builder().maxRetries(retries(attempts)).delay(Duration.ZERO)
                .predicate(retryable).build());
    }

    /**
     * Up to {@code attempts} tries in all while the failure is one of {@code types}, pausing
     * longer each time: {@code step}, then twice it, three times it, and so on.
     */
    @SafeVarargs
    public static RetryTemplate pausingLonger(int attempts, Duration step, Class<? extends Throwable>... types) {
        return new RetryTemplate(RetryPolicy.builder().backOff(linear(attempts, step)).predicate(oneOf(types)).build());
    }

    /** {@code step}, {@code 2 × step}, … for the pauses between {@code attempts} tries, then stop. */
    static BackOff linear(int attempts, Duration step) {
        long retries = retries(attempts);
        long millis = step.toMillis();
        return () -> new BackOffExecution() {
            private long pauses;

            @Override
            public long nextBackOff() {
                return pauses < retries ? ++pauses * millis : STOP;
            }
        };
    }

    @SafeVarargs
    private static Predicate<Throwable> oneOf(Class<? extends Throwable>... types) {
        List<Class<? extends Throwable>> retryable = List.of(types);
        return failure -> retryable.stream().anyMatch(type -> type.isInstance(failure));
    }

    private static long retries(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        return attempts - 1L;
    }
}
