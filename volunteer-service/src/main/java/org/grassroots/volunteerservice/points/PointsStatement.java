package org.grassroots.volunteerservice.points;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's balance for a year, derived from the ledger entries: entries are taken in the order
 * the deeds happened (ties by entry id), an award counts only up to what is left of its rule's
 * yearly cap, and a deduction never takes the balance below the floor. The same entries give the
 * same statement however they arrived, which is what makes replaying {@code case-events} safe.
 *
 * @param year    the ledger year
 * @param balance the points that count
 * @param stars   the star level the balance reaches
 * @param lines   each entry with the points it actually counted for
 */
public record PointsStatement(int year, int balance, int stars, List<Line> lines) {

    /** An entry and what it counted for after caps and the floor. */
    public record Line(PointsEntry entry, int counted) {
    }

    static final Comparator<PointsEntry> LEDGER_ORDER =
            Comparator.comparing(PointsEntry::occurredAt).thenComparing(PointsEntry::id);

    /** The statement for {@code year} from any of the member's entries (other years are left out or carried). */
    public static PointsStatement of(List<PointsEntry> entries, int year, PointsRules rules) {
        List<PointsEntry> counted = entries.stream()
                .filter(entry -> rules.yearlyReset() ? entry.year() == year : entry.year() <= year)
                .sorted(LEDGER_ORDER)
                .toList();
        Map<String, Integer> usedOfCap = new HashMap<>();
        List<Line> lines = new ArrayList<>(counted.size());
        int balance = 0;
        for (PointsEntry entry : counted) {
            int points = entry.points();
            if (points > 0 && entry.capPerYear() != null) {
                String item = entry.year() + "/" + entry.rule();
                int used = usedOfCap.getOrDefault(item, 0);
                points = Math.max(0, Math.min(points, entry.capPerYear() - used));
                usedOfCap.put(item, used + points);
            }
            int after = Math.max(rules.floor(), balance + points);
            // A balance already below a floor that was raised later is not pulled up by a deduction.
            if (points < 0 && balance < rules.floor()) {
                after = balance;
            }
            lines.add(new Line(entry, after - balance));
            balance = after;
        }
        return new PointsStatement(year, balance, rules.starsFor(balance), lines);
    }
}
