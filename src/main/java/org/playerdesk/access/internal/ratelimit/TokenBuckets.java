package org.playerdesk.access.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One limit, kept per caller (an API key, a client address) in this node's memory. Each caller
 * has a bucket of {@code burst} tokens that refills at {@code requests / per}; a request takes a
 * token or is refused with the time until the next one. At most {@link #TRACKED} callers are
 * remembered; a caller forgotten (unseen for longer than a bucket takes to fill, or pushed out
 * by newer ones) starts again with a full bucket, which is what waiting would have given it.
 */
public final class TokenBuckets {

    static final int TRACKED = 100_000;

    private final boolean enabled;
    private final long interval;
    private final long tolerance;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    public TokenBuckets(RateLimitProperties.Limit limit, boolean enabled, Clock clock) {
        this.enabled = enabled;
        this.interval = Math.max(1, limit.per().toNanos() / limit.requests());
        this.tolerance = interval * (limit.burst() - 1);
        this.clock = clock;
        Duration fill = Duration.ofNanos(interval * limit.burst());
        this.buckets = Caffeine.newBuilder().maximumSize(TRACKED).expireAfterAccess(fill.plusMinutes(1)).build();
    }

    /** Takes a token for this caller's request, or says how long to wait. */
    public Admission take(String caller) {
        return enabled ? bucket(caller).take(clock.instant(), true) : Admission.ADMITTED;
    }

    /** Whether the caller has a token left, without taking it (sign-in spends only when it fails). */
    public Admission check(String caller) {
        return enabled ? bucket(caller).take(clock.instant(), false) : Admission.ADMITTED;
    }

    private Bucket bucket(String caller) {
        return buckets.get(caller, c -> new Bucket(clock.instant()));
    }

    /** The answer to one request: admitted, or refused with whole seconds to wait (at least 1). */
    public record Admission(boolean admitted, long retryAfterSeconds) {

        static final Admission ADMITTED = new Admission(true, 0);
    }

    /**
     * A bucket kept as the time it will be full again ("theoretical arrival time"), in whole
     * nanoseconds: exact arithmetic, one number per caller. A request is admitted while that
     * time is at most {@code burst - 1} intervals ahead of now, and moves it one interval on.
     */
    private final class Bucket {

        private long full;

        Bucket(Instant now) {
            this.full = nanos(now);
        }

        synchronized Admission take(Instant at, boolean spend) {
            long now = nanos(at);
            long next = Math.max(full, now);
            long ahead = next - now - tolerance;
            if (ahead > 0) {
                return new Admission(false, Math.max(1, (ahead + 999_999_999L) / 1_000_000_000L));
            }
            if (spend) {
                full = next + interval;
            }
            return Admission.ADMITTED;
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
