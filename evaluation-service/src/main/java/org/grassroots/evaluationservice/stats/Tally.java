package org.grassroots.evaluationservice.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.evaluationservice.casefacts.CaseFact;

/** Counts the cases of one group and period into a {@link StatsRow}. */
final class Tally {

    private long filed;
    private long closed;
    private long closedOnTime;
    private long satisfied;
    private long basicallySatisfied;
    private long dissatisfied;
    private long reworked;
    private long overdue;
    private final List<Long> handlingMillis = new ArrayList<>();

    void add(CaseFact fact, Satisfaction rating) {
        filed++;
        if (fact.isClosed()) {
            closed++;
            if (fact.closedOnTime()) {
                closedOnTime++;
            }
            if (fact.handlingMillis() != null) {
                handlingMillis.add(fact.handlingMillis());
            }
        }
        if (rating != null) {
            switch (rating) {
                case SATISFIED -> satisfied++;
                case BASICALLY_SATISFIED -> basicallySatisfied++;
                case DISSATISFIED -> dissatisfied++;
            }
        }
        if (fact.wasReopened()) {
            reworked++;
        }
        if (fact.wasOverdue()) {
            overdue++;
        }
    }

    StatsRow row(String group, String period) {
        long rated = satisfied + basicallySatisfied + dissatisfied;
        return new StatsRow(group, period, filed, closed, rate(closed, filed), closedOnTime, rate(closedOnTime, closed),
                rated, satisfied, basicallySatisfied, dissatisfied, rate(satisfied + basicallySatisfied, rated),
                reworked, rate(reworked, filed), overdue, meanHours(), p90Hours());
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    private Double meanHours() {
        if (handlingMillis.isEmpty()) {
            return null;
        }
        return hours(handlingMillis.stream().mapToLong(Long::longValue).average().orElseThrow());
    }

    /** Nearest rank: the smallest time that at least 90% of the closed cases did not exceed. */
    private Double p90Hours() {
        if (handlingMillis.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(handlingMillis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(0.9 * sorted.size());
        return hours(sorted.get(rank - 1));
    }

    private static double hours(double millis) {
        return Math.round(millis / 3_600_000.0 * 100) / 100.0;
    }
}
