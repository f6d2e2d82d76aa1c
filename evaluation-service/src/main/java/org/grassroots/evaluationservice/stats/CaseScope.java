package org.grassroots.evaluationservice.stats;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.regex.Pattern;

import org.grassroots.platform.domain.ForbiddenException;
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
            return under(caller.orgPath());
        }
        if (caller.hasRole(Roles.DEPARTMENT_STAFF) && caller.departmentId() != null) {
            return where("departmentId").is(caller.departmentId());
        }
        throw new ForbiddenException("Statistics are for staff of an area or a department");
    }

    /** Documents whose org path is {@code orgPath} or lies under it. */
    public static Criteria under(String orgPath) {
        return where("orgPath").regex("^" + Pattern.quote(orgPath) + "(/|$)");
    }
}
