package org.grassroots.volunteerservice.activities.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.grassroots.platform.security.Caller;
import org.grassroots.volunteerservice.activities.Activity;
import org.grassroots.volunteerservice.timebank.Hours;

/**
 * An activity as a notice. Staff of its area see every participant; anyone else sees how many
 * places are taken and only their own participation.
 */
record ActivityResponse(String id, String title, String description, String orgPath, String communityId,
        Instant startsAt, Instant endsAt, int capacity, int signedUp, Activity.Status status, long version,
        List<ParticipantView> participants) {

    record ParticipantView(String userId, Instant signedUpAt, Instant checkedInAt, Instant checkedOutAt,
            BigDecimal creditedHours) {

        static ParticipantView of(Activity.Participant participant) {
            return new ParticipantView(participant.userId(), participant.signedUpAt(), participant.checkedInAt(),
                    participant.checkedOutAt(),
                    participant.creditedMinutes() == null ? null : Hours.ofMinutes(participant.creditedMinutes()));
        }
    }

    static ActivityResponse of(Activity activity, Caller caller, boolean allParticipants) {
        List<ParticipantView> visible = activity.participants().stream()
                .filter(participant -> allParticipants || caller.isSubject(participant.userId()))
                .map(ParticipantView::of).toList();
        return new ActivityResponse(activity.id(), activity.title(), activity.description(), activity.orgPath(),
                activity.communityId(), activity.startsAt(), activity.endsAt(), activity.capacity(),
                activity.participants().size(), activity.status(), activity.version(), visible);
    }
}
