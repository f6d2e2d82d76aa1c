package org.grassroots.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.Session;

/**
 * What one step (a target at a rate) of the intake benchmark measured: the response time of every
 * answered request, how many failed, and when the step's first request left and its last answer came,
 * so the table shows the achieved throughput beside the offered rate. Gatling's own HTML report has
 * the same requests; this is the compact form docs/benchmarks.md quotes.
 */
final class StepResults {

    final String name;
    final int offeredRate;
    private final List<Double> okMillis = new ArrayList<>();
    private int failed;
    private long firstSent = Long.MAX_VALUE;
    private long lastAnswered = Long.MIN_VALUE;

    StepResults(String name, int offeredRate) {
        this.name = name;
        this.offeredRate = offeredRate;
    }

    /** Called after the request with the session carrying "rt" and "status" (absent on a timeout). */
    synchronized void record(Session session) {
        long now = System.currentTimeMillis();
        if (session.contains("rt")) {
            int millis = session.getInt("rt");
            firstSent = Math.min(firstSent, now - millis);
            lastAnswered = Math.max(lastAnswered, now);
            if (session.contains("status") && session.getInt("status") == 201) {
                okMillis.add((double) millis);
                return;
            }
        }
        failed++;
    }

    synchronized String row() {
        Percentiles percentiles = Percentiles.of(okMillis.stream().mapToDouble(Double::doubleValue).toArray());
        double seconds = lastAnswered > firstSent ? (lastAnswered - firstSent) / 1000.0 : Double.NaN;
        return String.format("| %s | %d | %.1f | %d | %d | %.0f | %.0f | %.0f | %.0f |", name, offeredRate,
                okMillis.size() / seconds, okMillis.size(), failed, percentiles.p50(), percentiles.p95(),
                percentiles.p99(), percentiles.max());
    }

    synchronized double okPerSecond() {
        return lastAnswered > firstSent ? okMillis.size() * 1000.0 / (lastAnswered - firstSent) : 0;
    }

    synchronized Percentiles percentiles() {
        return Percentiles.of(okMillis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String header() {
        return "| step | offered /s | achieved OK /s | OK | errors | p50 ms | p95 ms | p99 ms | max ms |\n"
                + "|---|---|---|---|---|---|---|---|---|";
    }
}
