package org.playerdesk.chat.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in each window of {@code period}. In memory, per node:
 * a player spread over two nodes gets the limit twice, which is still far from a flood.
 */
final class Throttle {

    private final int limit;
    private final long periodMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

    Throttle(int limit, Duration period, Clock clock) {
        this.limit = limit;
        this.periodMillis = period.toMillis();
        this.clock = clock;
    }

    boolean allow(String key) {
        long now = clock.millis();
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue()[0] + periodMillis < now);
        }
        long[] window = windows.compute(key, (k, w) -> {
            if (w == null || w[0] + periodMillis <= now) {
                return new long[] { now, 1 };
            }
            w[1]++;
            return w;
        });
        return window[1] <= limit;
    }

    void forget(String key) {
        windows.remove(key);
    }
}
