package org.grassroots.orgservice.partners;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.grassroots.contracts.orgs.PartnerKind;
import org.grassroots.contracts.orgs.PartnerRegistered;
import org.grassroots.contracts.orgs.PartnerUpdated;
import org.grassroots.orgservice.imports.Outcome;
import org.grassroots.orgservice.scope.OrgScope;
import org.grassroots.orgservice.units.OrgUnit;
import org.grassroots.orgservice.units.UnitRepository;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Partners: staff see those working in their area (a partner serving a community is seen by that
 * community's, street's and district's staff); administrators keep them with an upsert by code.
 */
@Service
public class Partners implements IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final UnitRepository units;
    private final Clock clock;

    Partners(MongoTemplate mongo, AggregateStore store, UnitRepository units, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.units = units;
        this.clock = clock;
    }

    /** Partners by community and by kind. */
    @Override
    public List<StoreIndex> indexes() {
        // list(kind, communityCode): partners of a community, or of a kind; list's scope: the partners whose
        // path lies in the caller's area (a path prefix), or that serve a community the caller sees; the
        // distinct communities partners name; serving(): the partners of a territory's communities.
        return IndexedQueries.all(OutboxIndexes.ofOutbox("partners"), List.of(
                StoreIndex.on("partners").ascending("communityCodes").build(),
                StoreIndex.on("partners").ascending("kind").build(),
                StoreIndex.on("partners").ascending("orgPath").build()));
    }

    public record Saved(Partner partner, Outcome outcome) {
    }

    public Saved save(String code, Partner.Definition definition, Long expectedVersion, Caller caller) {
        if (!OrgScope.isAdmin(caller)) {
            throw new ForbiddenException("Partners are kept by district and platform administrators");
        }
        OrgUnit.requireCode(code, "code");
        if (definition.kind() == null) {
            throw new InvalidFieldException("kind", "is required");
        }
        if (definition.name() == null || definition.name().isBlank()) {
            throw new InvalidFieldException("name", "is required");
        }
        String path = commonPath(definition.communityCodes(), caller);
        if (definition.partyUnitCode() != null
                && units.find(definition.partyUnitCode()).filter(u -> !u.retired()).isEmpty()) {
            throw new InvalidFieldException("partyUnitCode", "names no active party organisation");
        }
        PartnerDocument stored = mongo.findById(code, PartnerDocument.class);
        if (stored == null) {
            Partner created = Partner.of(code, definition, path, 1);
            store.insert(PartnerDocument.of(created),
                    List.of(new PartnerRegistered(code, 1, path, clock.instant(), created.facts())));
            return new Saved(created, Outcome.CREATED);
        }
        Partner current = stored.toPartner();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new VersionConflictException("Partner", code, expectedVersion);
        }
        if (current.matches(definition, path)) {
            return new Saved(current, Outcome.UNCHANGED);
        }
        Partner updated = Partner.of(code, definition, path, current.version() + 1);
        store.update(PartnerDocument.of(updated), current.version(),
                List.of(new PartnerUpdated(code, updated.version(), path, clock.instant(), updated.facts())));
        return new Saved(updated, Outcome.UPDATED);
    }

    public Partner get(String code, Caller caller) {
        PartnerDocument stored = mongo.findById(code, PartnerDocument.class);
        if (stored == null || !maySee(stored.toPartner(), caller)) {
            throw new NotFoundException("Partner", code);
        }
        return stored.toPartner();
    }

    /**
     * A page of the partners of the caller's area, optionally of one kind or serving one community,
     * by code. Who may see a partner ({@link #maySee}) is asked of the store, so the total counts
     * what the caller sees and the code (the id) makes the order total: paging neither repeats nor
     * skips one.
     */
    public Page<Partner> list(PartnerKind kind, String communityCode, Paging paging, Caller caller) {
        List<Criteria> all = new ArrayList<>();
        if (kind != null) {
            all.add(where("kind").is(kind));
        }
        if (communityCode != null && !communityCode.isBlank()) {
            all.add(where("communityCodes").is(communityCode));
        }
        if (!caller.isPlatformAdmin()) {
            all.add(visibleTo(caller));
        }
        Query query = all.isEmpty() ? new Query() : query(new Criteria().andOperator(all));
        return PagedQueries.page(mongo, query.with(Sort.by("_id")), PartnerDocument.class, PartnerDocument::toPartner,
                paging);
    }

    /**
     * Every partner serving one of {@code communityCodes} (a territory's coverage report, whose
     * communities the caller sees, so it sees these partners too), by code.
     */
    public List<Partner> serving(Collection<String> communityCodes) {
        return mongo.find(query(where("communityCodes").in(communityCodes)).with(Sort.by("_id")), PartnerDocument.class)
                .stream().map(PartnerDocument::toPartner).toList();
    }

    /**
     * {@link #maySee} as a store query: the partner's path lies in the caller's area, or one of its
     * communities does now. The communities are the few that partners name (read from the
     * {@code communityCodes} index), kept to those whose current path the caller sees, so a
     * community moved since the partner was saved counts where it lies today.
     */
    private Criteria visibleTo(Caller caller) {
        if (caller.orgPath() == null || !caller.maySeeOrgPath(caller.orgPath())) {
            return where("_id").is(null);
        }
        // Every code is >= "": a range over the communityCodes index, so the store reads the index, not the collection.
        List<String> named = mongo.findDistinct(query(where("communityCodes").gte("")), "communityCodes",
                PartnerDocument.class, String.class);
        List<String> seen = units.findAll(named).stream().filter(u -> OrgScope.maySee(caller, u.path()))
                .map(OrgUnit::code).toList();
        return new Criteria().orOperator(OrgPathScope.atOrUnder("orgPath", caller.orgPath()),
                where("communityCodes").in(seen));
    }

    /**
     * Staff of any of its communities (or above them) see it: its path, or one of its communities'
     * paths, lies in the caller's area.
     */
    private boolean maySee(Partner partner, Caller caller) {
        if (OrgScope.maySee(caller, partner.orgPath())) {
            return true;
        }
        return !partner.communityCodes().isEmpty() && units.findAll(partner.communityCodes()).stream()
                .anyMatch(u -> OrgScope.maySee(caller, u.path()));
    }

    /** The deepest path holding all the communities; the caller's own area when none are named. */
    private String commonPath(List<String> communityCodes, Caller caller) {
        if (communityCodes.isEmpty()) {
            if (caller.orgPath() == null) {
                throw new InvalidFieldException("communityCodes", "name at least one unit");
            }
            return caller.orgPath();
        }
        List<OrgUnit> found = units.findAll(communityCodes).stream().filter(u -> OrgScope.maySee(caller, u.path()))
                .toList();
        if (found.size() != communityCodes.size()) {
            throw new InvalidFieldException("communityCodes", "name units that are not in your area");
        }
        String[] common = found.get(0).path().substring(1).split("/");
        int length = common.length;
        for (OrgUnit unit : found) {
            String[] segments = unit.path().substring(1).split("/");
            int i = 0;
            while (i < Math.min(length, segments.length) && segments[i].equals(common[i])) {
                i++;
            }
            length = i;
        }
        if (length == 0) {
            throw new InvalidFieldException("communityCodes", "must lie in one district");
        }
        return "/" + String.join("/", Arrays.copyOf(common, length));
    }

}
