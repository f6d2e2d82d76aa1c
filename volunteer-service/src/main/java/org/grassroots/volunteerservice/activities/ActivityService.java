package org.grassroots.volunteerservice.activities;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.grassroots.volunteerservice.points.Award;
import org.grassroots.volunteerservice.points.PointsLedger;
import org.grassroots.volunteerservice.points.RuleCodes;
import org.grassroots.volunteerservice.timebank.TimeBank;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Volunteer activities. Each attendee's hours (time bank) and points (ledger) are credited under
 * ids made of the activity and the member, so crediting again (after a crash, or when the
 * activity is completed and every attendee is credited once more to be sure) adds nothing.
 */
@Service
public class ActivityService implements IndexedQueries {

    private static final int SIGN_UP_ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final TimeBank bank;
    private final PointsLedger ledger;
    private final Clock clock;

    ActivityService(MongoTemplate mongo, AggregateStore store, TimeBank bank, PointsLedger ledger, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.bank = bank;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Activities by community or status, newest first. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox("activities"), List.of(
                // list(): a community's activities, or all by status, newest first.
                StoreIndex.on("activities").ascending("communityId").descending("startsAt").build(),
                StoreIndex.on("activities").ascending("status").descending("startsAt").build(),
                StoreIndex.on("activities").descending("startsAt").build()));
    }

    /** Community (or street, district) staff plan an activity in a community of their area. */
    public Activity plan(String title, String description, String orgPath, Instant startsAt, Instant endsAt,
            int capacity, Caller caller) {
        requireOrganiser(caller);
        String path = orgPath == null ? caller.orgPath() : orgPath;
        Activity activity = Activity.plan(UUID.randomUUID().toString(), title, description, path, startsAt, endsAt,
                capacity, caller.userId());
        caller.requireOrgPath(activity.orgPath());
        store.insert(ActivityDocument.of(activity), List.of());
        return activity;
    }

    /** Activities are public notices: anyone signed in may list them, newest first. */
    public Page<Activity> list(String communityId, Activity.Status status, Paging paging) {
        Criteria criteria = new Criteria();
        if (communityId != null) {
            criteria.and("communityId").is(communityId);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        return PagedQueries.page(mongo, Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "startsAt", "_id")),
                ActivityDocument.class, ActivityDocument::toActivity, paging);
    }

    public Activity get(String id) {
        ActivityDocument document = mongo.findById(id, ActivityDocument.class);
        if (document == null) {
            throw new NotFoundException("Activity", id);
        }
        return document.toActivity();
    }

    /** The caller signs up; simultaneous sign-ups are retried so only the capacity turns anyone away. */
    public Activity signUp(String id, Caller caller) {
        caller.requireAnyRole(Roles.PARTY_MEMBER, Roles.VOLUNTEER, Roles.RESIDENT);
        for (int attempt = 1; ; attempt++) {
            try {
                return change(id, activity -> {
                    activity.signUp(caller.userId(), clock.instant());
                    return List.of();
                });
            } catch (VersionConflictException someoneElseSignedUp) {
                if (attempt == SIGN_UP_ATTEMPTS) {
                    throw someoneElseSignedUp;
                }
            }
        }
    }

    public Activity checkIn(String id, String userId, Caller caller) {
        requireOrganiserOf(get(id), caller);
        return change(id, activity -> {
            activity.checkIn(userId, clock.instant());
            return List.of();
        });
    }

    public Activity checkOut(String id, String userId, Long statedMinutes, Caller caller) {
        requireOrganiserOf(get(id), caller);
        Activity activity = change(id, changed -> {
            changed.checkOut(userId, statedMinutes, clock.instant());
            return List.of();
        });
        activity.participant(userId).filter(Activity.Participant::attended)
                .ifPresent(participant -> credit(activity, participant));
        return activity;
    }

    /** Closes the activity and credits every attendee (again: the credits count once). */
    public Activity complete(String id, Caller caller) {
        requireOrganiserOf(get(id), caller);
        Activity activity = change(id, changed -> List.of(changed.complete(clock.instant())));
        activity.attendees().forEach(participant -> credit(activity, participant));
        return activity;
    }

    /** Staff of the activity's area see who took part; others see only themselves. */
    public boolean maySeeParticipants(Activity activity, Caller caller) {
        return caller.maySeeOrgPath(activity.orgPath());
    }

    private void credit(Activity activity, Activity.Participant participant) {
        String creditId = "activity:" + activity.id() + ":" + participant.userId();
        bank.credit(creditId, activity.communityId(), activity.orgPath(), participant.userId(),
                participant.creditedMinutes(), activity.title());
        ledger.award(Award.automatic(creditId, participant.userId(), RuleCodes.ACTIVITY_ATTENDED,
                "参加志愿服务活动：" + activity.title(), "activity:" + activity.id(), participant.checkedOutAt(),
                activity.orgPath(), activity.communityId(), null));
    }

    private Activity change(String id, Function<Activity, List<? extends IntegrationEvent>> command) {
        Activity activity = get(id);
        long read = activity.version();
        List<? extends IntegrationEvent> events = command.apply(activity);
        store.update(ActivityDocument.of(activity), read, events);
        return activity;
    }

    private static void requireOrganiser(Caller caller) {
        caller.requireAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN, Roles.PLATFORM_ADMIN);
    }

    private static void requireOrganiserOf(Activity activity, Caller caller) {
        requireOrganiser(caller);
        if (!caller.maySeeOrgPath(activity.orgPath())) {
            throw new ForbiddenException("Only staff of the activity's community organise it");
        }
    }
}
