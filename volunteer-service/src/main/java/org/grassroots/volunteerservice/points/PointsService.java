package org.grassroots.volunteerservice.points;

import java.util.List;
import java.util.UUID;

import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.grassroots.volunteerservice.OrgPaths;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** Who may read which ledger, give manual awards and see which leaderboards. */
@Service
public class PointsService {

    private static final String[] AWARDING_ROLES = {
            Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN, Roles.PLATFORM_ADMIN};
    private static final String[] AREA_ROLES = {
            Roles.GRID_WORKER, Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN, Roles.PLATFORM_ADMIN};

    private final PointsLedger ledger;
    private final PointsRulesStore rules;
    private final Affiliations affiliations;

    PointsService(PointsLedger ledger, PointsRulesStore rules, Affiliations affiliations) {
        this.ledger = ledger;
        this.rules = rules;
        this.affiliations = affiliations;
    }

    /** The caller's own statement: every entry, wherever it was earned. */
    public PointsStatement mine(Caller caller, Integer year) {
        return ledger.statement(caller.userId(), year(year), new Criteria());
    }

    /**
     * A member's statement as staff see it: only the entries earned in the caller's area. A member
     * with nothing there is answered with 404, as if unknown.
     */
    public PointsStatement member(String userId, Caller caller, Integer year) {
        if (caller.isSubject(userId)) {
            return mine(caller, year);
        }
        if (!caller.hasAnyRole(AREA_ROLES)) {
            throw new NotFoundException("Points ledger of", userId);
        }
        PointsStatement statement = ledger.statement(userId, year(year), OrgPathScope.inAreaOf("orgPath", caller));
        if (statement.lines().isEmpty()) {
            throw new NotFoundException("Points ledger of", userId);
        }
        return statement;
    }

    /**
     * A manual award or deduction by staff, for a deed in their area, with the reason on the entry
     * and the staff member recorded as {@code awardedBy}. A {@code requestId} makes a retried
     * request count once.
     */
    public PointsEntry award(ManualAward request, Caller caller) {
        caller.requireAnyRole(AWARDING_ROLES);
        if (caller.isSubject(request.userId())) {
            throw new ForbiddenException("Staff may not award points to themselves");
        }
        String orgPath = request.orgPath() == null ? caller.orgPath() : OrgPaths.valid(request.orgPath(), "orgPath");
        if (orgPath == null) {
            throw new InvalidFieldException("orgPath", "is required: your token carries no org path");
        }
        caller.requireOrgPath(orgPath);
        int limit = ledger.rules().manualLimit();
        if (request.points() == 0 || Math.abs(request.points()) > limit) {
            throw new InvalidFieldException("points", "must be non-zero and at most " + limit + " either way");
        }
        String entryId = "manual:" + caller.userId() + ":"
                + (request.requestId() == null ? UUID.randomUUID().toString() : request.requestId());
        String rule = request.points() > 0 ? RuleCodes.MANUAL_AWARD : RuleCodes.MANUAL_DEDUCTION;
        Award award = new Award(entryId, request.userId(), rule, request.points(), request.reason(), entryId,
                ledger.now(), orgPath, OrgPaths.communityOf(orgPath), request.gridCode(), caller.userId());
        return ledger.award(award).orElseGet(() -> ledger.entry(entryId)
                .orElseThrow(() -> new IllegalStateException("entry " + entryId + " neither written nor found")));
    }

    /** The manual awards and deductions given in the caller's area. */
    public Page<PointsEntry> manualAwards(Caller caller, Integer year, Paging paging) {
        caller.requireAnyRole(AWARDING_ROLES);
        return ledger.manualEntries(OrgPathScope.inAreaOf("orgPath", caller), year(year), paging);
    }

    /**
     * A leaderboard for a community, a grid or any org unit's subtree (an industry committee such as
     * {@code /qjp/qjp-kuaidi}). Staff see those within their area; party members and volunteers see
     * their own community's.
     */
    public List<PointsLedger.Standing> leaderboard(String communityId, String gridCode, String orgPath, Integer year,
            int limit, Caller caller) {
        int given = (communityId == null ? 0 : 1) + (gridCode == null ? 0 : 1) + (orgPath == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidFieldException("communityId", "give exactly one of communityId, gridCode and orgPath");
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidFieldException("limit", "must lie between 1 and 200");
        }
        Criteria board = communityId != null ? Criteria.where("communityId").is(communityId)
                : gridCode != null ? Criteria.where("gridCode").is(gridCode)
                : OrgPathScope.atOrUnder("orgPath", OrgPaths.valid(orgPath, "orgPath"));
        Criteria visible;
        if (caller.hasAnyRole(AREA_ROLES)) {
            visible = OrgPathScope.inAreaOf("orgPath", caller);
        } else if (caller.hasAnyRole(Roles.PARTY_MEMBER, Roles.VOLUNTEER) && caller.orgPath() != null) {
            visible = OrgPathScope.atOrUnder("orgPath", caller.orgPath());
        } else {
            throw new ForbiddenException("Leaderboards are for staff, party members and volunteers");
        }
        return ledger.leaderboard(new Criteria().andOperator(board, visible), year(year), limit);
    }

    /**
     * Ranks the members affiliated with an org unit (an industry committee such as
     * {@code /qjp/qjp-kuaidi}) by all their points, wherever earned; for staff whose area holds the unit.
     */
    public List<PointsLedger.Standing> affiliationLeaderboard(String orgPath, Integer year, int limit, Caller caller) {
        OrgPaths.valid(orgPath, "affiliation");
        if (!caller.hasAnyRole(AREA_ROLES) || !caller.maySeeOrgPath(orgPath)) {
            throw new ForbiddenException("This unit lies outside your area of the organisation");
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidFieldException("limit", "must lie between 1 and 200");
        }
        return ledger.leaderboard(affiliations.entriesOfMembersUnder(orgPath), year(year), limit);
    }

    /** Staff of a unit record that a member ranks with it. */
    public void affiliate(String userId, String orgPath, Caller caller) {
        caller.requireAnyRole(AWARDING_ROLES);
        caller.requireOrgPath(OrgPaths.valid(orgPath, "orgPath"));
        affiliations.set(userId, orgPath, caller.userId(), ledger.now());
    }

    public PointsRules rules() {
        return rules.current();
    }

    /** Administrators revise the scheme; entries already written keep the points they were given. */
    public PointsRules reviseRules(PointsRules revised, long expectedVersion) {
        return rules.replace(revised, expectedVersion);
    }

    private int year(Integer year) {
        if (year == null) {
            return ledger.currentYear();
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidFieldException("year", "must lie between 2000 and 2100");
        }
        return year;
    }

    /** What staff give: for whom, how many points (negative deducts), why, and where. */
    public record ManualAward(String userId, int points, String reason, String orgPath, String gridCode,
            String requestId) {
    }
}
