package org.grassroots.evaluationservice.stats;

/**
 * The statistics of one group in one period. Rates are fractions between 0 and 1, rounded to four
 * places, and null where their denominator is zero; handling times are in hours.
 *
 * @param group              the org node, department or category (or {@code all})
 * @param period             the period's label, e.g. {@code 2026-Q1}
 * @param filed              valid cases reported in the period (cancelled reports left out)
 * @param closed             of those, the ones closed now
 * @param closureRate        closed / filed (办结率)
 * @param closedOnTime       of the closed, those whose last close met every time limit
 * @param onTimeClosureRate  closedOnTime / closed (按期办结率)
 * @param rated              of the filed, those with a rating
 * @param satisfied          rated satisfied (满意)
 * @param basicallySatisfied rated basically satisfied (基本满意)
 * @param dissatisfied       rated dissatisfied (不满意)
 * @param satisfactionRate   (satisfied + basicallySatisfied) / rated (满意率)
 * @param reworked           of the filed, those sent back for rework at least once (发回重办)
 * @param reworkRate         reworked / filed (发回重办率)
 * @param overdue            of the filed, those that ran past a time limit at least once
 * @param meanHandlingHours  mean time from report to (last) close of the closed cases
 * @param p90HandlingHours   90th percentile of that time, nearest rank
 */
public record StatsRow(
        String group,
        String period,
        long filed,
        long closed,
        Double closureRate,
        long closedOnTime,
        Double onTimeClosureRate,
        long rated,
        long satisfied,
        long basicallySatisfied,
        long dissatisfied,
        Double satisfactionRate,
        long reworked,
        Double reworkRate,
        long overdue,
        Double meanHandlingHours,
        Double p90HandlingHours) {
}
