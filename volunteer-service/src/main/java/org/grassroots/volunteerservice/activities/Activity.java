package org.grassroots.volunteerservice.activities;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.volunteer.ActivityCompleted;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.volunteerservice.OrgPaths;

/**
 * A community's volunteer activity (e.g. 党员周六志愿服务日) with a capacity: members sign up, the
 * organiser checks them in and out, and each attendee is credited the time served, at most the
 * activity's planned length.
 */
public class Activity {

    public enum Status { OPEN, COMPLETED, CANCELLED }

    /** A member's place on the activity and what they were credited. */
    public record Participant(String userId, Instant signedUpAt, Instant checkedInAt, Instant checkedOutAt,
            Long creditedMinutes) {

        boolean attended() {
            return checkedOutAt != null && creditedMinutes != null && creditedMinutes > 0;
        }
    }

    private final String id;
    private final String title;
    private final String description;
    private final String orgPath;
    private final Instant startsAt;
    private final Instant endsAt;
    private final int capacity;
    private final String organiserId;
    private Status status;
    private final List<Participant> participants;
    private long version;

    Activity(String id, String title, String description, String orgPath, Instant startsAt, Instant endsAt,
            int capacity, String organiserId, Status status, List<Participant> participants, long version) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.orgPath = orgPath;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.capacity = capacity;
        this.organiserId = organiserId;
        this.status = status;
        this.participants = new ArrayList<>(participants);
        this.version = version;
    }

    /** Plans an activity in a community. */
    public static Activity plan(String id, String title, String description, String communityPath, Instant startsAt,
            Instant endsAt, int capacity, String organiserId) {
        OrgPaths.validCommunityPath(communityPath, "orgPath");
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidFieldException("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).toHours() > 24) {
            throw new InvalidFieldException("endsAt", "an activity lasts at most 24 hours");
        }
        if (capacity < 1 || capacity > 1000) {
            throw new InvalidFieldException("capacity", "must lie between 1 and 1000");
        }
        return new Activity(id, title, description, communityPath, startsAt, endsAt, capacity, organiserId,
                Status.OPEN, List.of(), 1);
    }

    public void signUp(String userId, Instant now) {
        requireOpen();
        if (participant(userId).isPresent()) {
            throw new InvalidStateException("You have already signed up for this activity");
        }
        if (participants.size() >= capacity) {
            throw new InvalidStateException("The activity is full (" + capacity + " places)");
        }
        participants.add(new Participant(userId, now, null, null, null));
        version++;
    }

    public void checkIn(String userId, Instant now) {
        requireOpen();
        Participant participant = signedUp(userId);
        if (participant.checkedInAt() != null) {
            throw new InvalidStateException("Already checked in");
        }
        replace(participant, new Participant(userId, participant.signedUpAt(), now, null, null));
    }

    /**
     * Checks the member out and credits the time served: {@code statedMinutes} if the organiser
     * gives it, otherwise the time since check-in; never more than the activity's planned length.
     */
    public Participant checkOut(String userId, Long statedMinutes, Instant now) {
        requireOpen();
        Participant participant = signedUp(userId);
        if (participant.checkedInAt() == null) {
            throw new InvalidStateException("Check the member in first");
        }
        if (participant.checkedOutAt() != null) {
            throw new InvalidStateException("Already checked out");
        }
        long planned = plannedMinutes();
        if (statedMinutes != null && statedMinutes > planned) {
            throw new InvalidFieldException("hours", "must not exceed the activity's planned " + planned + " minutes");
        }
        long served = statedMinutes != null ? statedMinutes
                : Math.min(planned, Duration.between(participant.checkedInAt(), now).toMinutes());
        Participant out = new Participant(userId, participant.signedUpAt(), participant.checkedInAt(), now, served);
        replace(participant, out);
        return out;
    }

    public ActivityCompleted complete(Instant now) {
        requireOpen();
        status = Status.COMPLETED;
        version++;
        List<Participant> attended = attendees();
        return new ActivityCompleted(id, version, orgPath, now, communityId(), attended.size(),
                attended.stream().mapToLong(Participant::creditedMinutes).sum());
    }

    /** Those who were checked in and out with time to credit. */
    public List<Participant> attendees() {
        return participants.stream().filter(Participant::attended).toList();
    }

    public Optional<Participant> participant(String userId) {
        return participants.stream().filter(p -> p.userId().equals(userId)).findFirst();
    }

    public long plannedMinutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    public String communityId() {
        return OrgPaths.communityOf(orgPath);
    }

    private Participant signedUp(String userId) {
        return participant(userId).orElseThrow(() -> new InvalidStateException(
                "Member " + userId + " has not signed up for this activity"));
    }

    private void replace(Participant old, Participant updated) {
        participants.set(participants.indexOf(old), updated);
        version++;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new InvalidStateException("The activity is " + status);
        }
    }

    public String id() { return id; }
    public String title() { return title; }
    public String description() { return description; }
    public String orgPath() { return orgPath; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
    public int capacity() { return capacity; }
    public String organiserId() { return organiserId; }
    public Status status() { return status; }
    public List<Participant> participants() { return List.copyOf(participants); }
    public long version() { return version; }
}
