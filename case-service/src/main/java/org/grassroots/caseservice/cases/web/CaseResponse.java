package org.grassroots.caseservice.cases.web;

import java.time.Instant;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;

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
        long version) {

    static CaseResponse of(Case aCase) {
        return new CaseResponse(aCase.id(), aCase.number(), aCase.status(), aCase.categoryCode(),
                aCase.categoryName(), aCase.description(),
                aCase.location(), aCase.locationDescription(), aCase.channel(), aCase.level(), aCase.orgPath(),
                aCase.reportedAt(), aCase.assignee(), aCase.version());
    }
}
