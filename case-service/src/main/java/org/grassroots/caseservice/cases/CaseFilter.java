package org.grassroots.caseservice.cases;

import java.time.Instant;

import org.grassroots.contracts.cases.CaseStatus;

/**
 * What {@code GET /api/cases} filters on; every field is optional and they all apply together.
 *
 * @param status       the current state
 * @param categoryCode the category
 * @param gridCode     a grid: cases located in it or in any grid below it (its micro-grids)
 * @param communityId  the community, e.g. {@code qjp-pulou-chengnan}
 * @param streetId     the street, e.g. {@code qjp-pulou}
 * @param assigneeId   who holds the case: a department id or a person's user id
 * @param departmentId a department the case is dispatched to or that was summoned to it
 * @param overdue      whether a time limit has run out
 * @param duplicate    whether the case was linked to an earlier one as a possible duplicate
 * @param from         reported at or after
 * @param to           reported before
 * @param supervised   whether the case is under supervision (督办)
 * @param text         words that must all appear in the description or the place description
 *                     (see {@link SearchTerms})
 * @param number       the case number, exactly, e.g. {@code GR-20261121-000001}
 */
public record CaseFilter(CaseStatus status, String categoryCode, String gridCode, String communityId,
        String streetId, String assigneeId, String departmentId, Boolean overdue, Boolean duplicate, Instant from,
        Instant to, Boolean supervised, String text, String number) {

    public static final CaseFilter NONE = new CaseFilter(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** The filter of the first release, without supervision, text or number. */
    public CaseFilter(CaseStatus status, String categoryCode, String gridCode, String communityId, String streetId,
            String assigneeId, String departmentId, Boolean overdue, Boolean duplicate, Instant from, Instant to) {
        this(status, categoryCode, gridCode, communityId, streetId, assigneeId, departmentId, overdue, duplicate, from,
                to, null, null, null);
    }
}
