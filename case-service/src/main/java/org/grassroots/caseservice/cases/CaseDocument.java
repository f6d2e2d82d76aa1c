package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.caseservice.intake.Placement;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a case is stored; the outbox array beside these fields belongs to the platform's relay, and
 * the SLA scanner's lease ({@link SlaScanner}) lives beside them too, untouched by case updates.
 * {@code communityId}, {@code streetId}, {@code gridCodes} and {@code departmentIds} are kept for the
 * list filters; {@code slaCheckAt} is when the SLA scanner should look at the case next;
 * {@code updatedAt} (the time of the last line of history) and {@code searchTerms} (the words of the
 * description and place, see {@link SearchTerms}) serve the list's sort and text search; {@code parkedAt}
 * (when a parked case was parked, null for any other) orders the 挂账 review list; {@code photos}
 * names the case's stored photos (their bytes and details are in GridFS, see the attachments feature).
 */
@Document("cases")
record CaseDocument(
        @Id String id,
        String number,
        String categoryCode,
        String categoryName,
        String description,
        Double lon,
        Double lat,
        String locationDescription,
        Channel channel,
        String reporterId,
        String orgPath,
        HandlingLevel level,
        CaseStatus status,
        Instant reportedAt,
        long version,
        Assignee assignee,
        List<CaseHistoryEntry> history,
        boolean emergency,
        List<StageClock> sla,
        String gridCode,
        String gridName,
        List<String> gridCodes,
        String communityId,
        String streetId,
        String unlocatedReason,
        String possibleDuplicateOf,
        String externalId,
        boolean supervised,
        boolean overdue,
        List<Summons> summons,
        List<String> departmentIds,
        List<String> reworkRatings,
        Instant slaCheckAt,
        Instant updatedAt,
        List<String> searchTerms,
        List<CasePhoto> photos,
        Instant parkedAt) {

    static final String SLA_CHECK_AT = "slaCheckAt";

    static CaseDocument of(Case aCase) {
        Placement placement = aCase.placement();
        List<String> departments = new ArrayList<>();
        if (aCase.assignee() != null && aCase.assignee().kind() == AssigneeKind.DEPARTMENT) {
            departments.add(aCase.assignee().id());
        }
        aCase.summons().forEach(each -> {
            if (!departments.contains(each.departmentId())) {
                departments.add(each.departmentId());
            }
        });
        return new CaseDocument(aCase.id(), aCase.number(), aCase.categoryCode(), aCase.categoryName(),
                aCase.description(),
                aCase.location() == null ? null : aCase.location().lon(),
                aCase.location() == null ? null : aCase.location().lat(),
                aCase.locationDescription(), aCase.channel(), aCase.reporterId(), aCase.orgPath(), aCase.level(),
                aCase.status(), aCase.reportedAt(), aCase.version(), aCase.assignee(),
                aCase.history(), aCase.isEmergency(), aCase.clocks(),
                placement.gridCode(), placement.gridName(), placement.gridCodes(), aCase.communityId(),
                aCase.streetId(), placement.unlocatedReason(), aCase.possibleDuplicateOf(), aCase.externalId(),
                aCase.isSupervised(), aCase.isOverdue(), aCase.summons(), departments, aCase.reworkRatings(),
                aCase.nextSlaCheck(), aCase.updatedAt(),
                SearchTerms.of(aCase.description(), aCase.locationDescription()), aCase.photos(), aCase.parkedAt());
    }

    /** The case, counting its time limits on {@code calendar}. A case stored before time limits has no clocks. */
    Case toCase(WorkingCalendar calendar) {
        Case aCase = new Case(id, number, categoryCode, categoryName, description,
                lon == null || lat == null ? null : new GeoPoint(lon, lat),
                locationDescription, channel, reporterId, orgPath, level, status, reportedAt, version, assignee,
                history, emergency, sla, calendar);
        Placement placement = unlocatedReason == null && gridCode != null
                ? new Placement(gridCode, gridName, gridCodes, communityId, streetId, orgPath, null)
                : Placement.unlocated(unlocatedReason != null ? unlocatedReason : "filed before reports were located");
        aCase.restore(placement, possibleDuplicateOf, externalId, supervised, overdue, summons, reworkRatings);
        aCase.restorePhotos(photos);
        return aCase;
    }
}
