package org.grassroots.evaluationservice.casefacts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseFacts;
import org.grassroots.contracts.cases.CaseOverdue;
import org.grassroots.contracts.cases.CaseReopened;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What statistics need to know about one case, merged from its events so that the result does not
 * depend on how often or in which order they arrive.
 *
 * <p>Every case event carries the whole case ({@link CaseFacts}) and its version, so the snapshot
 * fields (status, category, area) come from the highest version seen; the milestones merge by
 * rules that are idempotent and commutative: the latest close by version, the set of versions at
 * which the case was reopened or ran overdue, the report time. Applying an event twice, or an old
 * event after a newer one, changes nothing that should not change.
 *
 * @param caseId            the case
 * @param number            the case number people quote
 * @param snapshotVersion   the highest case version applied: the last applied version
 * @param status            the status at that version
 * @param categoryCode      the category at that version
 * @param orgPath           the org path of the case's area at that version
 * @param communityId       the community at that version
 * @param streetId          the street at that version
 * @param gridCode          the deepest grid at that version
 * @param departmentId      the department the case was last dispatched to, if ever
 * @param departmentVersion the version that named {@code departmentId}
 * @param reportedAt        when it was reported; null until {@code CaseReported} arrives
 * @param closedVersion     the version of the latest close, 0 if never closed
 * @param closedAt          when it was last closed
 * @param closedOnTime      whether that close met every time limit
 * @param handlingMillis    report to that close, wall clock
 * @param reopenedAt        versions at which it was sent back for rework
 * @param overdueAt         versions at which a time limit passed
 * @param revision          storage revision, for optimistic concurrency between writers
 */
@Document(CaseFactStore.FACTS)
public record CaseFact(
        @Id String caseId,
        String number,
        long snapshotVersion,
        CaseStatus status,
        String categoryCode,
        String orgPath,
        String communityId,
        String streetId,
        String gridCode,
        String departmentId,
        long departmentVersion,
        Instant reportedAt,
        long closedVersion,
        Instant closedAt,
        boolean closedOnTime,
        Long handlingMillis,
        List<Long> reopenedAt,
        List<Long> overdueAt,
        long revision) {

    public CaseFact {
        reopenedAt = reopenedAt == null ? List.of() : List.copyOf(reopenedAt);
        overdueAt = overdueAt == null ? List.of() : List.copyOf(overdueAt);
    }

    /** A case nothing is known about yet. */
    public static CaseFact unknown(String caseId) {
        return new CaseFact(caseId, null, 0, null, null, null, null, null, null, null, 0, null, 0, null, false, null,
                List.of(), List.of(), 0);
    }

    /** The facts after {@code event}, whatever was applied before and in whatever order. */
    public CaseFact apply(CaseEvent event) {
        long version = event.aggregateVersion();
        CaseFacts facts = event.facts();
        CaseFact next = this;
        if (version > snapshotVersion) {
            next = next.withSnapshot(version, facts, event.orgPath());
        }
        if (facts.assignee() != null && facts.assignee().kind() == AssigneeKind.DEPARTMENT
                && version > next.departmentVersion) {
            next = next.withDepartment(facts.assignee().id(), version);
        }
        if (event instanceof CaseReported reported) {
            return next.withReportedAt(reported.occurredAt());
        }
        if (event instanceof CaseClosed closed && version > next.closedVersion) {
            return next.withClose(closed);
        }
        if (event instanceof CaseReopened) {
            return next.withReopened(version);
        }
        if (event instanceof CaseOverdue) {
            return next.withOverdue(version);
        }
        return next;
    }

    public boolean isClosed() {
        return status == CaseStatus.CLOSED;
    }

    public boolean isCancelled() {
        return status == CaseStatus.CANCELLED;
    }

    public boolean wasReopened() {
        return !reopenedAt.isEmpty();
    }

    public boolean wasOverdue() {
        return !overdueAt.isEmpty();
    }

    public Duration handlingTime() {
        return handlingMillis == null ? null : Duration.ofMillis(handlingMillis);
    }

    /** The same facts stored one revision later. */
    CaseFact nextRevision() {
        return new CaseFact(caseId, number, snapshotVersion, status, categoryCode, orgPath, communityId, streetId,
                gridCode, departmentId, departmentVersion, reportedAt, closedVersion, closedAt, closedOnTime,
                handlingMillis, reopenedAt, overdueAt, revision + 1);
    }

    private CaseFact withSnapshot(long version, CaseFacts facts, String path) {
        return new CaseFact(caseId, facts.number(), version, facts.status(), facts.categoryCode(), path,
                facts.communityId(), facts.streetId(), facts.gridCode(), departmentId, departmentVersion, reportedAt,
                closedVersion, closedAt, closedOnTime, handlingMillis, reopenedAt, overdueAt, revision);
    }

    private CaseFact withDepartment(String department, long version) {
        return new CaseFact(caseId, number, snapshotVersion, status, categoryCode, orgPath, communityId, streetId,
                gridCode, department, version, reportedAt, closedVersion, closedAt, closedOnTime, handlingMillis,
                reopenedAt, overdueAt, revision);
    }

    private CaseFact withReportedAt(Instant at) {
        return new CaseFact(caseId, number, snapshotVersion, status, categoryCode, orgPath, communityId, streetId,
                gridCode, departmentId, departmentVersion, at, closedVersion, closedAt, closedOnTime, handlingMillis,
                reopenedAt, overdueAt, revision);
    }

    private CaseFact withClose(CaseClosed closed) {
        return new CaseFact(caseId, number, snapshotVersion, status, categoryCode, orgPath, communityId, streetId,
                gridCode, departmentId, departmentVersion, reportedAt, closed.aggregateVersion(), closed.occurredAt(),
                closed.onTime(), closed.handlingTime().toMillis(), reopenedAt, overdueAt, revision);
    }

    private CaseFact withReopened(long version) {
        return new CaseFact(caseId, number, snapshotVersion, status, categoryCode, orgPath, communityId, streetId,
                gridCode, departmentId, departmentVersion, reportedAt, closedVersion, closedAt, closedOnTime,
                handlingMillis, adding(reopenedAt, version), overdueAt, revision);
    }

    private CaseFact withOverdue(long version) {
        return new CaseFact(caseId, number, snapshotVersion, status, categoryCode, orgPath, communityId, streetId,
                gridCode, departmentId, departmentVersion, reportedAt, closedVersion, closedAt, closedOnTime,
                handlingMillis, reopenedAt, adding(overdueAt, version), revision);
    }

    private static List<Long> adding(List<Long> versions, long version) {
        TreeSet<Long> merged = new TreeSet<>(versions);
        merged.add(version);
        return List.copyOf(merged);
    }
}
