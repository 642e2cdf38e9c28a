package org.careaccess.benchmark;

import java.util.Arrays;

/** The durations of one step, in nanoseconds, with nearest-rank percentiles. Not thread-safe. */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    public int count() {
        return count;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds, nearest rank; 0 when empty. */
    public double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1_000_000.0;
    }
}
