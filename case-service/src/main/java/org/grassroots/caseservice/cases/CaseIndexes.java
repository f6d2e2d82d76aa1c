package org.grassroots.caseservice.cases;

import java.util.List;

import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.stereotype.Component;

/**
 * The indexes the queries on {@code cases} need, one per query shape of {@link CaseSearch} and
 * {@link OpenCasesNearby}, kept in a file of their own beside them (several of us extend the lists
 * at once). {@link SlaScanner} declares its own. A new filter or sort in {@link CaseSearch} adds its
 * index here, and {@code docs/indexes.md} says which query each serves.
 */
@Component
class CaseIndexes implements IndexedQueries {

    static final String CASES = "cases";

    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(CASES), List.of(
                // The number people read out on the phone is the case's second identity: unique in the store.
                // Also serves search()'s number filter and sort=number.
                StoreIndex.on(CASES).ascending("number").unique().build(),
                // search(): a staff member's area, an org-path prefix (^/qjp/qjp-pulou(/|$)); also triage().
                StoreIndex.on(CASES).ascending("orgPath", "reportedAt").build(),
                // mine() and the resident's branch of search()'s scope, newest first.
                StoreIndex.on(CASES).ascending("reporterId").descending("reportedAt").build(),
                // search()'s department branch and the departmentId filter.
                StoreIndex.on(CASES).ascending("departmentIds").build(),
                // inbox() and search()'s party member / grid worker branch: what is in someone's hands.
                StoreIndex.on(CASES).ascending("assignee.id", "assignee.kind", "status").build(),
                // inbox(): the open cases a department was summoned to.
                StoreIndex.on(CASES).ascending("summons.departmentId").build(),
                // search() for a platform administrator (no scope): by status, newest first; triage()
                // for them; OpenCasesNearby.listOpenCasesOnce() reads the open cases by status.
                StoreIndex.on(CASES).ascending("status").descending("reportedAt").build(),
                // search() for a platform administrator without a status filter: newest first.
                StoreIndex.on(CASES).descending("reportedAt").build(),
                // search() sorted by the last change (sort=updatedAt) for a platform administrator.
                StoreIndex.on(CASES).descending("updatedAt").build(),
                // search()'s q: every word's term in searchTerms (a multikey index), then the text itself;
                // CaseListFieldsBackfill: the cases stored before searchTerms existed.
                StoreIndex.on(CASES).ascending("searchTerms").build(),
                // search()'s grid and community filters, the ones a dispatcher's list narrows by.
                StoreIndex.on(CASES).ascending("gridCodes").build(),
                StoreIndex.on(CASES).ascending("communityId").build(),
                // linkedDuplicates(): the cases linked to this one as its possible duplicates.
                StoreIndex.on(CASES).ascending("possibleDuplicateOf").build(),
                // published(): Open311's public request list, the published categories newest report first,
                // and its servicerequestupdates, the published categories by last change.
                StoreIndex.on(CASES).ascending("categoryCode").descending("reportedAt").build(),
                StoreIndex.on(CASES).ascending("categoryCode", "updatedAt").build()));
    }
}
