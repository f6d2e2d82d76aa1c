package org.grassroots.benchmarks.load;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of durations in milliseconds. */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

    public static Percentiles of(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", count, p50, p95, p99, max);
    }
}
