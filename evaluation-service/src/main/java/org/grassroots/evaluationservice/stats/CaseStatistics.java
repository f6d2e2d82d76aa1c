package org.grassroots.evaluationservice.stats;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.evaluationservice.casefacts.CaseFact;

/**
 * Computes statistics from per-case facts and ratings at query time. Each case counts in the
 * period it was reported in (a cohort): it is filed there, and its close, rating, rework and
 * overdue count there too, so every rate compares the same cases and a period's figures only grow
 * more complete as its cases are handled. Nothing here depends on the order events arrived in.
 */
public final class CaseStatistics {

    private CaseStatistics() {
    }

    /**
     * @param facts   the cases in scope and in the date range; cancelled and unreported ones are skipped
     * @param ratings the rating of each rated case, by case id
     * @param period  the period to break down by, or null for one row per group over the whole range
     */
    public static List<StatsRow> compute(Collection<CaseFact> facts, Map<String, Satisfaction> ratings,
            Grouping grouping, Period period, ZoneId zone) {
        Map<Key, Tally> tallies = new TreeMap<>(Comparator.comparing(Key::group).thenComparing(Key::period));
        for (CaseFact fact : facts) {
            if (fact.reportedAt() == null || fact.isCancelled()) {
                continue;
            }
            String label = period == null ? "all" : period.label(fact.reportedAt().atZone(zone).toLocalDate());
            tallies.computeIfAbsent(new Key(grouping.keyOf(fact), label), key -> new Tally())
                    .add(fact, ratings.get(fact.caseId()));
        }
        return tallies.entrySet().stream().map(entry -> entry.getValue().row(entry.getKey().group(),
                entry.getKey().period())).toList();
    }

    private record Key(String group, String period) {
    }
}
