package org.grassroots.caseservice.cases.web;

import java.time.Instant;
import java.util.List;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.StageStatus;
import org.grassroots.caseservice.cases.Summons;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.Deadlines;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.platform.security.Caller;

/**
 * A case as the API shows it.
 *
 * <ul>
 *   <li>{@code deadlines}: the deadline of each stage started so far (null before accept; a paused
 *       stage shows none while {@code waitingForResident});</li>
 *   <li>{@code expectedCompletion}: when the case is expected to be resolved (Open311's
 *       {@code expected_datetime}): the resolve deadline once claimed, before that the respond
 *       deadline plus the resolve limit, and null before accept;</li>
 *   <li>{@code located} / {@code unlocatedReason}: whether intake found the grid of the point, and if
 *       not why (the case then waits in the dispatchers' triage list);</li>
 *   <li>{@code possibleDuplicateOf}: an open case of the same category within 50 m of this report;</li>
 *   <li>{@code summons}: the departments summoned (吹哨) and whether, when and by whom each has
 *       reported in (报到);</li>
 *   <li>{@code reportedByCaller}: whether the caller reported the case (evaluation-service checks the rater);</li>
 *   <li>{@code stages}: each stage's time limit at the moment of the answer: limit and extensions,
 *       start, stop, deadline, working minutes allowed and used, percent used, overdue, paused since
 *       (see {@link StageStatus});</li>
 *   <li>{@code updatedAt}: when the case last changed;</li>
 *   <li>{@code currentStage}: the stage whose time limit runs now, with its start and deadline (as
 *       in {@code stages}), or null when none runs: lists colour the time left from it.</li>
 * </ul>
 */
record CaseResponse(
        String id,
        String number,
        CaseStatus status,
        String categoryCode,
        String categoryName,
        String description,
        GeoPoint point,
        String locationDescription,
        Channel channel,
        HandlingLevel level,
        String orgPath,
        boolean located,
        String unlocatedReason,
        String gridCode,
        String gridName,
        String communityId,
        String streetId,
        String possibleDuplicateOf,
        String externalId,
        Instant reportedAt,
        Instant closedAt,
        Assignee assignee,
        boolean emergency,
        Deadlines deadlines,
        Instant expectedCompletion,
        boolean waitingForResident,
        boolean supervised,
        boolean overdue,
        List<SummonsView> summons,
        boolean reportedByCaller,
        long version,
        List<StageStatus> stages,
        Instant updatedAt,
        StageStatus currentStage) {

    static CaseResponse of(Case aCase, Caller caller) {
        Instant now = Instant.now();
        return new CaseResponse(aCase.id(), aCase.number(), aCase.status(), aCase.categoryCode(),
                aCase.categoryName(), aCase.description(), aCase.location(), aCase.locationDescription(),
                aCase.channel(), aCase.level(), aCase.orgPath(), aCase.isLocated(), aCase.placement().unlocatedReason(),
                aCase.gridCode(), aCase.placement().gridName(), aCase.communityId(), aCase.streetId(),
                aCase.possibleDuplicateOf(), aCase.externalId(), aCase.reportedAt(), aCase.closedAt(),
                aCase.assignee(), aCase.isEmergency(), aCase.deadlines(), aCase.expectedCompletion(),
                aCase.isWaitingForResident(), aCase.isSupervised(), aCase.isOverdue(),
                aCase.summons().stream().map(SummonsView::of).toList(), aCase.isReportedBy(caller.userId()),
                aCase.version(), aCase.stages(now), aCase.updatedAt(),
                aCase.currentStage(now).orElse(null));
    }

    /** A summoned department: reported in or still awaited. */
    record SummonsView(String departmentId, Instant summonedAt, boolean reportedIn, Instant reportedInAt,
            String reportedInBy) {

        static SummonsView of(Summons summons) {
            return new SummonsView(summons.departmentId(), summons.summonedAt(), summons.hasReportedIn(),
                    summons.reportedInAt(), summons.reportedInBy());
        }
    }
}
