package org.grassroots.volunteerservice.activities;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How an activity is stored; the outbox array beside these fields belongs to the platform's relay. */
@Document("activities")
record ActivityDocument(
        @Id String id,
        String title,
        String description,
        String orgPath,
        String communityId,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        String organiserId,
        Activity.Status status,
        List<Activity.Participant> participants,
        long version) {

    static ActivityDocument of(Activity activity) {
        return new ActivityDocument(activity.id(), activity.title(), activity.description(), activity.orgPath(),
                activity.communityId(), activity.startsAt(), activity.endsAt(), activity.capacity(),
                activity.organiserId(), activity.status(), activity.participants(), activity.version());
    }

    Activity toActivity() {
        return new Activity(id, title, description, orgPath, startsAt, endsAt, capacity, organiserId, status,
                participants == null ? List.of() : participants, version);
    }
}
