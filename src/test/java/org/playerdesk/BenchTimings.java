package org.playerdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntConsumer;

/** What the in-process benchmarks (not part of the test suite) share: timing a call and reading percentiles. */
public final class BenchTimings {

    private BenchTimings() {
    }

    /** The times of {@code calls} calls in nanoseconds, sorted, after 500 calls not counted. */
    public static long[] time(int calls, IntConsumer call) {
        return time(calls, 500, call);
    }

    /** The times of {@code calls} calls in nanoseconds, sorted, after {@code warmUp} calls not counted. */
    public static long[] time(int calls, int warmUp, IntConsumer call) {
        for (int i = 0; i < warmUp; i++) {
            call.accept(i);
        }
        long[] times = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times;
    }

    /** A percentile of sorted nanosecond times, in milliseconds. */
    public static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** The machine's load average as /proc/loadavg says it. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
