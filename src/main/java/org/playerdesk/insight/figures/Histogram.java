package org.playerdesk.insight.figures;

import java.util.Arrays;

/**
 * Lengths of time counted in buckets, so that a median or a p90 over a year adds up days of
 * buckets instead of reading every ticket. Up to two hours a bucket is one minute (a length reads
 * as its whole minute, rounded up); above, each bucket is 5% wider than the last, so a percentile
 * is within 5% of the true one (it reads as the bucket's upper end). Percentiles are by nearest rank: the smallest length that at least
 * that share of the counted lengths do not exceed.
 */
public final class Histogram {

    static final int MINUTES = 120;
    private static final long EXACT = MINUTES * 60L;
    private static final double GROWTH = 1.05;

    /** The count of each bucket by its number, as long as the largest bucket counted so far. */
    private long[] buckets = new long[0];
    private long count;

    public static int bucket(long seconds) {
        if (seconds <= EXACT) {
            return (int) Math.max(0, (seconds + 59) / 60);
        }
        int above = (int) Math.ceil(Math.log((double) seconds / EXACT) / Math.log(GROWTH) - 1e-9);
        return MINUTES + Math.max(1, above);
    }

    /** The longest length a bucket holds. */
    public static long upper(int bucket) {
        if (bucket <= MINUTES) {
            return bucket * 60L;
        }
        return Math.round(EXACT * Math.pow(GROWTH, bucket - MINUTES));
    }

    public void add(int bucket, long total) {
        if (bucket >= buckets.length) {
            buckets = Arrays.copyOf(buckets, Math.max(bucket + 1, Math.min(2 * buckets.length, MINUTES + 200)));
        }
        buckets[bucket] += total;
        count += total;
    }

    /** Adds another histogram's counts to this one's. */
    public void addAll(Histogram other) {
        for (int bucket = other.buckets.length - 1; bucket >= 0; bucket--) {
            if (other.buckets[bucket] != 0) {
                add(bucket, other.buckets[bucket]);
            }
        }
    }

    /**
     * The counts as text, {@code bucket:count} pairs apart by spaces in bucket order, buckets with
     * none left out ({@code "3:12 4:7 131:1"}): how a month's histogram is kept in one row.
     */
    public String counts() {
        StringBuilder text = new StringBuilder();
        for (int bucket = 0; bucket < buckets.length; bucket++) {
            if (buckets[bucket] != 0) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(bucket).append(':').append(buckets[bucket]);
            }
        }
        return text.toString();
    }

    /** Adds counts written by {@link #counts()}. */
    public void addCounts(String counts) {
        int at = 0;
        int length = counts.length();
        while (at < length) {
            int colon = counts.indexOf(':', at);
            int end = counts.indexOf(' ', colon);
            if (end < 0) {
                end = length;
            }
            add(Integer.parseInt(counts, at, colon, 10), Long.parseLong(counts, colon + 1, end, 10));
            at = end + 1;
        }
    }

    public void addSeconds(long seconds) {
        add(bucket(seconds), 1);
    }

    public long count() {
        return count;
    }

    /** The length that {@code share} (0.5 for the median, 0.9 for the p90) of the counted do not exceed; null if none. */
    public Long percentile(double share) {
        if (count == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(share * count - 1e-9));
        long seen = 0;
        for (int bucket = 0; bucket < buckets.length; bucket++) {
            seen += buckets[bucket];
            if (seen >= rank) {
                return upper(bucket);
            }
        }
        // not reached: the counts add up to the count
        return upper(buckets.length - 1);
    }
}
