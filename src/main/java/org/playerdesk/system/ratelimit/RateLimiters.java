package org.playerdesk.system.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Makes the rate limiters (Bucket4j token buckets) on the application's clock, so that a test
 * moving the clock moves the buckets. In memory by default: each node keeps its own buckets, at
 * most {@link #TRACKED} callers per limit, the least recently seen forgotten (a forgotten caller
 * starts with a full bucket, which is what waiting would have given it). With a shared store
 * ({@code playerdesk.rate-limits.store=database}) every node takes from the same buckets.
 */
public final class RateLimiters {

    static final int TRACKED = 100_000;

    private final TimeMeter time;
    private final ProxyManager<String> shared;

    private RateLimiters(TimeMeter time, ProxyManager<String> shared) {
        this.time = time;
        this.shared = shared;
    }

    /** Each node its own buckets, in memory. */
    public static RateLimiters inMemory(Clock clock) {
        return new RateLimiters(meter(clock), null);
    }

    /** The buckets in a store every node shares, whose client clock is {@link #meter(Clock)} of the same clock. */
    public static RateLimiters shared(Clock clock, ProxyManager<String> store) {
        return new RateLimiters(meter(clock), store);
    }

    public RateLimiter limiter(RateLimit limit) {
        if (shared != null) {
            return new Buckets(caller -> shared.builder().build(limit.name() + ":" + caller, limit::bucket),
                    caller -> shared.removeProxy(limit.name() + ":" + caller));
        }
        Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(TRACKED)
                .expireAfterAccess(limit.untilFull().plusMinutes(1)).build();
        return new Buckets(caller -> buckets.get(caller,
                c -> Bucket.builder().withCustomTimePrecision(time).addLimit(limit.bandwidth()).build()),
                buckets::invalidate);
    }

    /** The application's clock as Bucket4j reads time. */
    static TimeMeter meter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    private record Buckets(Function<String, Bucket> bucket, Consumer<String> forget) implements RateLimiter {

        @Override
        public Admission take(String caller) {
            var probe = bucket.apply(caller).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Admission.ADMITTED : Admission.refusedFor(probe.getNanosToWaitForRefill());
        }

        @Override
        public Admission check(String caller) {
            EstimationProbe probe = bucket.apply(caller).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? Admission.ADMITTED : Admission.refusedFor(probe.getNanosToWaitForRefill());
        }

        @Override
        public void forget(String caller) {
            forget.accept(caller);
        }
    }
}
