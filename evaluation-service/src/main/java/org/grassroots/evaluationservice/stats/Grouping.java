package org.grassroots.evaluationservice.stats;

import java.util.function.Function;

import org.grassroots.evaluationservice.casefacts.CaseFact;

/**
 * What statistics are broken down by: a node of the organisation tree (district, street,
 * community, grid), the department a case was dispatched to, or its category.
 */
public enum Grouping {
    DISTRICT(fact -> firstSegment(fact.orgPath())),
    STREET(CaseFact::streetId),
    COMMUNITY(CaseFact::communityId),
    /** The grid (网格); micro-grids count under their grid, whose code is the first 15 digits. */
    GRID(fact -> fact.gridCode() == null || fact.gridCode().length() <= 15 ? fact.gridCode()
            : fact.gridCode().substring(0, 15)),
    DEPARTMENT(CaseFact::departmentId),
    CATEGORY(CaseFact::categoryCode),
    /** Everything in the caller's scope as one row per period. */
    ALL(fact -> "all");

    /** The group of a case that has none on this dimension, e.g. never dispatched to a department. */
    public static final String NONE = "(none)";

    private final Function<CaseFact, String> key;

    Grouping(Function<CaseFact, String> key) {
        this.key = key;
    }

    public String keyOf(CaseFact fact) {
        String value = key.apply(fact);
        return value == null || value.isBlank() ? NONE : value;
    }

    private static String firstSegment(String orgPath) {
        if (orgPath == null) {
            return null;
        }
        String[] segments = orgPath.split("/");
        return segments.length > 1 ? segments[1] : null;
    }
}
