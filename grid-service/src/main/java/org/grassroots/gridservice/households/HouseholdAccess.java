package org.grassroots.gridservice.households;

import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;

/**
 * Who sees how much of a household. Grid workers and community staff serve households face to face and
 * see everything (each such read is audited); the party member paired with a household sees names and
 * the address to visit, not ID or phone numbers; street staff and administrators oversee and see
 * counts, tags and masked data. Anyone else is told the household does not exist.
 */
enum HouseholdAccess {
    FULL, PAIRED_MEMBER, OVERSIGHT, NONE;

    static HouseholdAccess of(Caller caller, Household household) {
        if (caller.maySeeOrgPath(household.orgPath())) {
            return caller.hasAnyRole(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF) ? FULL : OVERSIGHT;
        }
        if (household.pairedMemberId() != null && caller.isSubject(household.pairedMemberId())) {
            return PAIRED_MEMBER;
        }
        return NONE;
    }

    /** May keep the ledger (add households and persons) where the household is. */
    static boolean mayEdit(Caller caller, String orgPath) {
        return caller.maySeeOrgPath(orgPath) && caller.hasAnyRole(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF,
                Roles.PLATFORM_ADMIN);
    }
}
