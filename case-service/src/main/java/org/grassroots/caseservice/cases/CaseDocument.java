package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.List;

import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.HandlingLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a case is stored; the outbox array beside these fields belongs to the platform's relay.
 */
@Document("cases")
record CaseDocument(
        @Id String id,
        @Indexed(unique = true) String number,
        String categoryCode,
        String categoryName,
        String description,
        Double lon,
        Double lat,
        String locationDescription,
        Channel channel,
        @Indexed String reporterId,
        @Indexed String orgPath,
        HandlingLevel level,
        CaseStatus status,
        Instant reportedAt,
        long version,
        Assignee assignee,
        List<CaseHistoryEntry> history,
        boolean emergency,
        List<StageClock> sla) {

    static CaseDocument of(Case aCase) {
        return new CaseDocument(aCase.id(), aCase.number(), aCase.categoryCode(), aCase.categoryName(),
                aCase.description(),
                aCase.location() == null ? null : aCase.location().lon(),
                aCase.location() == null ? null : aCase.location().lat(),
                aCase.locationDescription(), aCase.channel(), aCase.reporterId(), aCase.orgPath(), aCase.level(),
                aCase.status(), aCase.reportedAt(), aCase.version(), aCase.assignee(),
                aCase.history(), aCase.isEmergency(), aCase.clocks());
    }

    /** The case, counting its time limits on {@code calendar}. A case stored before time limits has no clocks. */
    Case toCase(WorkingCalendar calendar) {
        return new Case(id, number, categoryCode, categoryName, description,
                lon == null || lat == null ? null : new org.grassroots.contracts.cases.GeoPoint(lon, lat),
                locationDescription, channel, reporterId, orgPath, level, status, reportedAt, version, assignee,
                history, emergency, sla, calendar);
    }
}
