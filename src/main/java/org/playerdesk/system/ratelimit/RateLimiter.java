package org.playerdesk.system.ratelimit;

/**
 * One limit ({@link RateLimit}), kept per caller: an API key, a client address, a connection.
 * Made by {@link RateLimiters}, in this node's memory or in a store all nodes share.
 */
public interface RateLimiter {

    /** Never refuses: a limit switched off. */
    RateLimiter UNLIMITED = new RateLimiter() {
        @Override
        public Admission take(String caller) {
            return Admission.ADMITTED;
        }

        @Override
        public Admission check(String caller) {
            return Admission.ADMITTED;
        }

        @Override
        public void forget(String caller) {
        }
    };

    /** Takes a token for this caller's request, or says how long to wait. */
    Admission take(String caller);

    /** Whether the caller has a token left, without taking it (sign-in spends only when it fails). */
    Admission check(String caller);

    /** Drops the caller's bucket (a connection that has closed): a caller seen again starts full. */
    void forget(String caller);

    /** The answer to one request: admitted, or refused with whole seconds to wait (at least 1). */
    record Admission(boolean admitted, long retryAfterSeconds) {

        public static final Admission ADMITTED = new Admission(true, 0);

        static Admission refusedFor(long nanos) {
            return new Admission(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
        }
    }
}
