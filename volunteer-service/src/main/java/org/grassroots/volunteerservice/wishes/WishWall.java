package org.grassroots.volunteerservice.wishes;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.grassroots.volunteerservice.OrgPaths;
import org.grassroots.volunteerservice.points.Award;
import org.grassroots.volunteerservice.points.PointsLedger;
import org.grassroots.volunteerservice.points.RuleCodes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The wish wall (微心愿). Who sees what: the resident their own wishes; staff the wishes of their
 * area; everyone signed in the approved ones, without who posted them. A party member who
 * fulfils a wish earns points once ({@code wish:<id>:<member>}).
 */
@Service
public class WishWall implements IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final PointsLedger ledger;
    private final Clock clock;
    private final CaseFiling cases;

    WishWall(MongoTemplate mongo, AggregateStore store, PointsLedger ledger, Clock clock, CaseFiling cases) {
        this.mongo = mongo;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
        this.cases = cases;
    }

    /** Wishes on a wall, by poster, and by area. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox("wishes"), List.of(
                // wall(): the wishes on a community's wall (or every wall), newest first.
                StoreIndex.on("wishes").ascending("communityId", "status").descending("postedAt").build(),
                StoreIndex.on("wishes").ascending("status").descending("postedAt").build(),
                // mine(): a resident's own wishes.
                StoreIndex.on("wishes").ascending("postedBy").descending("postedAt").build(),
                // ofArea(): the wishes under the caller's org path.
                StoreIndex.on("wishes").ascending("orgPath").descending("postedAt").build()));
    }

    /** A resident posts a wish in the community their token places them in. */
    public Wish post(String title, String description, Caller caller) {
        String community = OrgPaths.communityPathOf(caller.orgPath());
        if (community == null) {
            throw new InvalidFieldException("orgPath", "your account is not placed in a community");
        }
        Wish wish = Wish.post(UUID.randomUUID().toString(), title, description, community, caller.userId(),
                clock.instant());
        store.insert(WishDocument.of(wish), List.of());
        return wish;
    }

    /** Approved, claimed and fulfilled wishes: the public wall, newest first, a page at a time. */
    public Page<Wish> wall(String communityId, Paging paging) {
        Criteria criteria = Criteria.where("status").in(Wish.Status.APPROVED, Wish.Status.CLAIMED,
                Wish.Status.FULFILLED);
        if (communityId != null) {
            criteria.and("communityId").is(communityId);
        }
        return find(criteria, paging);
    }

    public Page<Wish> mine(Caller caller, Paging paging) {
        return find(Criteria.where("postedBy").is(caller.userId()), paging);
    }

    public Page<Wish> ofArea(Wish.Status status, Caller caller, Paging paging) {
        caller.requireAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN, Roles.PLATFORM_ADMIN);
        Criteria criteria = OrgPathScope.inAreaOf("orgPath", caller);
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("status").is(status));
        }
        return find(criteria, paging);
    }

    /** A wish not yet on the wall exists only for its poster and the staff of its area. */
    public Wish get(String id, Caller caller) {
        WishDocument document = mongo.findById(id, WishDocument.class);
        if (document == null) {
            throw new NotFoundException("Wish", id);
        }
        Wish wish = document.toWish();
        if (!wish.isOnTheWall() && !caller.isSubject(wish.postedBy()) && !caller.maySeeOrgPath(wish.orgPath())) {
            throw new NotFoundException("Wish", id);
        }
        return wish;
    }

    public boolean maySeePoster(Wish wish, Caller caller) {
        return caller.isSubject(wish.postedBy()) || caller.maySeeOrgPath(wish.orgPath());
    }

    public Wish approve(String id, Caller caller) {
        return change(id, caller, Who.STAFF, wish -> {
            wish.approve(caller.userId());
            return List.of();
        });
    }

    public Wish reject(String id, String reason, Caller caller) {
        return change(id, caller, Who.STAFF, wish -> {
            wish.reject(caller.userId(), reason);
            return List.of();
        });
    }

    /**
     * A party member or volunteer claims a wish for themself; with {@code unitId}, staff of the
     * wish's area record that a co-building unit took it on.
     */
    public Wish claim(String id, String unitId, Caller caller) {
        if (unitId != null) {
            return change(id, caller, Who.STAFF, wish -> {
                wish.claim(caller.userId(), Wish.HelperKind.UNIT, unitId, clock.instant());
                return List.of();
            });
        }
        caller.requireAnyRole(Roles.PARTY_MEMBER, Roles.VOLUNTEER);
        return change(id, caller, Who.ANYONE, wish -> {
            wish.claim(caller.userId(), Wish.HelperKind.PARTY_MEMBER, null, clock.instant());
            return List.of();
        });
    }

    /**
     * 微心愿转诉求: staff of the wish's area refer a wish that needs a department to case-service,
     * which files one case per wish; the wish then names the case and the case the wish. The case is
     * filed before the wish changes, and filing again gives the same case, so a referral that failed
     * half-way is simply tried again.
     */
    public Wish refer(String id, CaseFiling.WishCase draft, String bearerToken, Caller caller) {
        Wish wish = get(id, caller);
        Who.STAFF.require(wish, caller);
        wish.requireReferable();
        String caseId = cases.file(new CaseFiling.WishCase(wish.id(), draft.categoryCode(), draft.description(),
                draft.lon(), draft.lat(), draft.locationDescription(), draft.answers()), bearerToken);
        return change(id, caller, Who.STAFF, referred -> {
            referred.refer(caller.userId(), caseId);
            return List.of();
        });
    }

    /** The helper who claimed it, or staff of its area, mark it fulfilled; a party member earns points. */
    public Wish fulfil(String id, String note, Caller caller) {
        Wish wish = change(id, caller, Who.HELPER_OR_STAFF, changed -> List.of(changed.fulfil(note, clock.instant())));
        if (wish.helperKind() == Wish.HelperKind.PARTY_MEMBER) {
            String entryId = "wish:" + wish.id() + ":" + wish.claimedBy();
            ledger.award(Award.automatic(entryId, wish.claimedBy(), RuleCodes.WISH_FULFILLED,
                    "完成微心愿：" + wish.title(), "wish:" + wish.id(), wish.fulfilledAt(), wish.orgPath(),
                    wish.communityId(), null));
        }
        return wish;
    }

    private Wish change(String id, Caller caller, Who who, Function<Wish, List<? extends IntegrationEvent>> command) {
        Wish wish = get(id, caller);
        who.require(wish, caller);
        long read = wish.version();
        List<? extends IntegrationEvent> events = command.apply(wish);
        store.update(WishDocument.of(wish), read, events);
        return wish;
    }

    /** Newest first; the id settles ties, so pages neither repeat nor skip a wish. */
    private Page<Wish> find(Criteria criteria, Paging paging) {
        return PagedQueries.page(mongo, Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "postedAt", "_id")),
                WishDocument.class, WishDocument::toWish, paging);
    }

    /** Who may act on a wish they can see. */
    private enum Who {
        ANYONE {
            @Override
            void require(Wish wish, Caller caller) {
                // any caller with the right role, checked before
            }
        },
        STAFF {
            @Override
            void require(Wish wish, Caller caller) {
                if (!isStaffOf(wish, caller)) {
                    throw new ForbiddenException("Only staff of the wish's community may do this");
                }
            }
        },
        HELPER_OR_STAFF {
            @Override
            void require(Wish wish, Caller caller) {
                if (!caller.isSubject(String.valueOf(wish.claimedBy())) && !isStaffOf(wish, caller)) {
                    throw new ForbiddenException("Only whoever claimed the wish, or the community's staff, may do this");
                }
            }
        };

        abstract void require(Wish wish, Caller caller);

        static boolean isStaffOf(Wish wish, Caller caller) {
            return caller.maySeeOrgPath(wish.orgPath()) && (caller.isPlatformAdmin()
                    || caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN));
        }
    }
}
