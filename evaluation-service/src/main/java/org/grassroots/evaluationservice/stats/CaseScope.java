package org.grassroots.evaluationservice.stats;

import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;

/**
 * Which cases a caller's statistics cover, as docs/architecture.md scopes them: staff see their
 * subtree of the organisation, department staff their own department's cases, platform
 * administrators everything. A plain value: the store's query for it is written once, by
 * {@link org.grassroots.evaluationservice.casefacts.CaseFactStore#criteria(CaseScope)}, for documents
 * with {@code orgPath} and {@code departmentId}.
 *
 * @param orgPath      the area (the path and everything under it), or null
 * @param departmentId the department whose cases, or null; both null: every case
 */
public record CaseScope(String orgPath, String departmentId) {

    /** Every case: a platform administrator's scope, and the scope of the district's own judgements. */
    public static final CaseScope EVERYTHING = new CaseScope(null, null);

    public static CaseScope of(Caller caller) {
        if (caller.isPlatformAdmin()) {
            return EVERYTHING;
        }
        if (caller.hasAnyRole(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN)
                && caller.orgPath() != null) {
            return new CaseScope(caller.orgPath(), null);
        }
        if (caller.hasRole(Roles.DEPARTMENT_STAFF) && caller.departmentId() != null) {
            return new CaseScope(null, caller.departmentId());
        }
        throw new ForbiddenException("Statistics are for staff of an area or a department");
    }
}
