package org.playerdesk.system.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * How much one caller may do: a bucket of {@code capacity} tokens, one taken per request, that
 * {@code refill} tokens flow back into per {@code period}, either steadily (a token bucket) or
 * all at once at the end of each period (a fixed window). {@code name} keeps the buckets of
 * different limits apart when they share a store.
 */
public record RateLimit(String name, long capacity, long refill, Duration period, boolean window) {

    public RateLimit {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rate limit needs a name");
        }
        if (capacity < 1 || refill < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request");
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit's period must be positive");
        }
    }

    /** {@code requests} per {@code per} flowing back steadily; up to {@code burst} at once. */
    public static RateLimit tokenBucket(String name, long requests, Duration per, long burst) {
        return new RateLimit(name, burst, requests, per, false);
    }

    /** At most {@code max} in each window of {@code period}. */
    public static RateLimit perWindow(String name, long max, Duration period) {
        return new RateLimit(name, max, max, period, true);
    }

    /** How long a caller unseen for it has a full bucket again, which forgetting the bucket also gives. */
    Duration untilFull() {
        return window ? period : period.multipliedBy(capacity).dividedBy(refill);
    }

    Bandwidth bandwidth() {
        var empty = Bandwidth.builder().capacity(capacity);
        return window ? empty.refillIntervally(refill, period).build() : empty.refillGreedy(refill, period).build();
    }

    BucketConfiguration bucket() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }
}
