package org.grassroots.caseservice.cases.web;

import java.time.Instant;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.Deadlines;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;

/**
 * A case as the API shows it. {@code deadlines} holds the deadline of each stage started so far
 * (null before accept); {@code expectedCompletion} is when the case is expected to be resolved
 * (Open311's {@code expected_datetime}): the resolve deadline once claimed, before that the
 * respond deadline plus the resolve limit, and null before accept.
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
        Instant reportedAt,
        Assignee assignee,
        boolean emergency,
        Deadlines deadlines,
        Instant expectedCompletion,
        long version) {

    static CaseResponse of(Case aCase) {
        return new CaseResponse(aCase.id(), aCase.number(), aCase.status(), aCase.categoryCode(),
                aCase.categoryName(), aCase.description(),
                aCase.location(), aCase.locationDescription(), aCase.channel(), aCase.level(), aCase.orgPath(),
                aCase.reportedAt(), aCase.assignee(), aCase.isEmergency(), aCase.deadlines(),
                aCase.expectedCompletion(), aCase.version());
    }
}
