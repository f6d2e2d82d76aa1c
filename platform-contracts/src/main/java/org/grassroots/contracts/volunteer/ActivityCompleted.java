package org.grassroots.contracts.volunteer;

import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * A community's volunteer activity (e.g. the Saturday volunteer day, 党员周六志愿服务日) was
 * completed: its attendees were credited hours in the time bank and points in the ledger.
 *
 * @param activityId       the activity, also the event's subject and Kafka key
 * @param aggregateVersion the activity's version after this change
 * @param orgPath          the org path of the organising community
 * @param occurredAt       when it was completed
 * @param communityId      the organising community
 * @param attended         how many members checked in and out
 * @param creditedMinutes  the service time credited to all of them together
 */
public record ActivityCompleted(
        String activityId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String communityId,
        int attended,
        long creditedMinutes) implements IntegrationEvent {

    public ActivityCompleted {
        Require.volunteerEvent(activityId, "activityId", aggregateVersion, orgPath, occurredAt);
        Require.text(communityId, "communityId");
    }

    @Override
    public String subject() {
        return activityId;
    }
}
