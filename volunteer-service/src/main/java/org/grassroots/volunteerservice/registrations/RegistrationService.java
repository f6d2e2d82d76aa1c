package org.grassroots.volunteerservice.registrations;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.grassroots.contracts.volunteer.RegistrationAccepted;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.grassroots.volunteerservice.OrgPaths;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Dual registrations. One home community at a time: a member holds at most one open
 * registration (requested or accepted), enforced by a hold document keyed by the member, taken
 * before the registration is stored and released when it is declined, withdrawn or ended. A hold
 * whose registration is gone or closed (a crash between the two writes) is taken over.
 */
@Service
public class RegistrationService implements IndexedQueries {

    static final String HOLDS = "registration_holds";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;

    RegistrationService(MongoTemplate mongo, AggregateStore store, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    /** Registrations by member and by area. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox("registrations"), List.of(
                // mine(): a member's registrations, newest first.
                StoreIndex.on("registrations").ascending("memberId").descending("requestedAt").build(),
                // ofArea(): the registrations under the caller's org path (narrowed by community or status).
                StoreIndex.on("registrations").ascending("orgPath").descending("requestedAt").build()));
    }

    public Registration request(String communityPath, String workUnit, String note, Caller caller) {
        caller.requireAnyRole(Roles.PARTY_MEMBER);
        Registration registration = Registration.request(UUID.randomUUID().toString(), caller.userId(),
                communityPath, workUnit, note, clock.instant());
        hold(caller.userId(), registration.id());
        store.insert(RegistrationDocument.of(registration), List.of());
        return registration;
    }

    public Page<Registration> mine(Caller caller, Paging paging) {
        return find(Criteria.where("memberId").is(caller.userId()), paging);
    }

    /** A community's registrations, for staff whose area holds it. */
    public Page<Registration> ofArea(String communityId, Registration.Status status, Caller caller, Paging paging) {
        requireStaff(caller);
        Criteria criteria = OrgPathScope.inAreaOf("orgPath", caller);
        if (communityId != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("communityId").is(communityId));
        }
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("status").is(status));
        }
        return find(criteria, paging);
    }

    public Registration get(String id, Caller caller) {
        Registration registration = load(id);
        if (!caller.isSubject(registration.memberId()) && !caller.maySeeOrgPath(registration.orgPath())) {
            throw new NotFoundException("Registration", id);
        }
        return registration;
    }

    public Registration accept(String id, String decision, Caller caller) {
        Registration registration = decidable(id, caller);
        long read = registration.version();
        RegistrationAccepted accepted = registration.accept(caller.userId(), decision, clock.instant());
        store.update(RegistrationDocument.of(registration), read, List.of(accepted));
        return registration;
    }

    public Registration decline(String id, String decision, Caller caller) {
        Registration registration = decidable(id, caller);
        long read = registration.version();
        registration.decline(caller.userId(), decision, clock.instant());
        store.update(RegistrationDocument.of(registration), read, List.of());
        release(registration);
        return registration;
    }

    /** The member withdraws or ends their registration; staff of the community may end it too. */
    public Registration end(String id, Caller caller) {
        Registration registration = get(id, caller);
        if (!caller.isSubject(registration.memberId()) && !isStaffOf(registration, caller)) {
            throw new ForbiddenException("Only the member or the community's staff end a registration");
        }
        long read = registration.version();
        registration.end(clock.instant());
        store.update(RegistrationDocument.of(registration), read, List.of());
        release(registration);
        return registration;
    }

    private Registration decidable(String id, Caller caller) {
        Registration registration = get(id, caller);
        if (!isStaffOf(registration, caller)) {
            throw new ForbiddenException("Only the community's staff accept or decline a registration");
        }
        return registration;
    }

    private void hold(String memberId, String registrationId) {
        try {
            mongo.insert(new Document("_id", memberId).append("registrationId", registrationId), HOLDS);
            return;
        } catch (DuplicateKeyException held) {
            Document current = mongo.findById(memberId, Document.class, HOLDS);
            String heldBy = current == null ? null : current.getString("registrationId");
            RegistrationDocument open = heldBy == null ? null : mongo.findById(heldBy, RegistrationDocument.class);
            if (open != null && open.status().isOpen()) {
                throw new InvalidStateException("You already have an open registration with " + open.communityId()
                        + " (" + open.id() + "); withdraw or end it first: one home community at a time");
            }
            long taken = mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId).and("registrationId")
                    .is(heldBy)), Update.update("registrationId", registrationId), HOLDS).getModifiedCount();
            if (taken == 0) {
                throw new InvalidStateException("Another registration request is being made; try again");
            }
        }
    }

    private void release(Registration registration) {
        mongo.remove(Query.query(Criteria.where("_id").is(registration.memberId()).and("registrationId")
                .is(registration.id())), HOLDS);
    }

    private Registration load(String id) {
        RegistrationDocument document = mongo.findById(id, RegistrationDocument.class);
        if (document == null) {
            throw new NotFoundException("Registration", id);
        }
        return document.toRegistration();
    }

    private Page<Registration> find(Criteria criteria, Paging paging) {
        return PagedQueries.page(mongo, Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "requestedAt", "_id")),
                RegistrationDocument.class, RegistrationDocument::toRegistration, paging);
    }

    private static boolean isStaffOf(Registration registration, Caller caller) {
        return caller.maySeeOrgPath(registration.orgPath()) && (caller.isPlatformAdmin()
                || caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN));
    }

    private static void requireStaff(Caller caller) {
        caller.requireAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN, Roles.PLATFORM_ADMIN);
    }
}
