package org.grassroots.evaluationservice.socialorgs;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;

import org.grassroots.evaluationservice.stats.CaseScope;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Social organisations' star ratings: street or district staff of the organisation's area register
 * and assess it; district administrators review and adjust the stars. Staff see the organisations
 * in their area; others not at all (404).
 */
@Service
public class SocialOrganizationService implements IndexedQueries {

    private final MongoTemplate mongo;
    private final Clock clock;

    SocialOrganizationService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Social organisations by area; their version compare-and-set. */
    @Override
    public List<StoreIndex> indexes() {
        return List.of(
                // list(): the organisations of the caller's area.
                StoreIndex.on("social_organizations").ascending("orgPath").build(),
                // replace(): changes an organisation only at the version read.
                StoreIndex.compareAndSet("social_organizations", "version"));
    }

    public SocialOrganization register(String id, String name, String orgPath, Caller caller) {
        requireAssessor(caller, orgPath);
        SocialOrganization current = mongo.findById(id, SocialOrganization.class);
        if (current == null) {
            SocialOrganization created = new SocialOrganization(id, name, orgPath, List.of(), 1);
            mongo.insert(created);
            return created;
        }
        requireAssessor(caller, current.orgPath());
        return replace(current, new SocialOrganization(id, name, orgPath, current.assessments(), current.version() + 1));
    }

    public SocialOrganization assess(String id, int year, int organisation, int integrity, int funds, Caller caller) {
        SocialOrganization current = get(id, caller);
        requireAssessor(caller, current.orgPath());
        return replace(current, current.withAssessment(SocialOrganization.assess(year, organisation, integrity, funds)));
    }

    public SocialOrganization review(String id, int year, int stars, String reason, Caller caller) {
        SocialOrganization current = get(id, caller);
        if (!(caller.isPlatformAdmin() || caller.hasRole(Roles.DISTRICT_ADMIN))) {
            throw new ForbiddenException("Star ratings are reviewed and adjusted by the district");
        }
        return replace(current, current.reviewed(year, stars, reason, caller.userId(), clock.instant()));
    }

    public SocialOrganization get(String id, Caller caller) {
        SocialOrganization organization = mongo.findById(id, SocialOrganization.class);
        if (organization == null || !caller.maySeeOrgPath(organization.orgPath())) {
            throw new NotFoundException("Social organisation", id);
        }
        return organization;
    }

    public List<SocialOrganization> list(Caller caller) {
        return mongo.find(new Query(CaseScope.of(caller)).with(Sort.by("_id")), SocialOrganization.class);
    }

    private SocialOrganization replace(SocialOrganization current, SocialOrganization next) {
        if (mongo.findAndReplace(Query.query(where("_id").is(current.id()).and("version").is(current.version())),
                next) == null) {
            throw new VersionConflictException("Social organisation", current.id(), current.version());
        }
        return next;
    }

    private static void requireAssessor(Caller caller, String orgPath) {
        if (!caller.maySeeOrgPath(orgPath)) {
            throw new NotFoundException("Area", orgPath);
        }
        if (!(caller.isPlatformAdmin() || caller.hasAnyRole(Roles.STREET_STAFF, Roles.DISTRICT_ADMIN))) {
            throw new ForbiddenException("Social organisations are assessed by street or district staff");
        }
    }
}
