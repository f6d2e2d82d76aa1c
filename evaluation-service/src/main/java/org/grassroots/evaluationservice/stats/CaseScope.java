package org.grassroots.evaluationservice.stats;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Which cases a caller's statistics cover, as docs/architecture.md scopes them: staff see their
 * subtree of the organisation, department staff their own department's cases, platform
 * administrators everything. Applies to documents with {@code orgPath} and {@code departmentId}.
 */
public final class CaseScope {

    private CaseScope() {
    }

    public static Criteria of(Caller caller) {
        if (caller.isPlatformAdmin()) {
            return new Criteria();
        }
        if (caller.hasAnyRole(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN)
                && caller.orgPath() != null) {
            return OrgPathScope.atOrUnder("orgPath", caller.orgPath());
        }
        if (caller.hasRole(Roles.DEPARTMENT_STAFF) && caller.departmentId() != null) {
            return where("departmentId").is(caller.departmentId());
        }
        throw new ForbiddenException("Statistics are for staff of an area or a department");
    }
}
