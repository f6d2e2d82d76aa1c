package org.grassroots.platform.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

import org.grassroots.platform.domain.ForbiddenException;

/**
 * Who is calling, as the token says: the subject, the realm roles and the two claims that scope
 * what the caller may see. Services ask it questions instead of reading claims themselves.
 *
 * <p>Scope rules: a platform administrator sees everything; grid workers, community and street
 * staff and district administrators see what lies at or under their {@code org_path}; department
 * staff see the work of their own department; residents, party members and volunteers see what
 * they own (their {@code org_path} says where they live, not what they may see).
 */
public record Caller(String userId, String username, Set<String> roles, String orgPath, String departmentId) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
        orgPath = normalise(orgPath);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    public boolean isPlatformAdmin() {
        return hasRole(Roles.PLATFORM_ADMIN);
    }

    /** Roles whose org path is an area of responsibility. */
    private static final Set<String> AREA_ROLES = Set.of(
            Roles.GRID_WORKER, Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN);

    /** True for staff whose area ({@code org_path}) is {@code path} or holds it. */
    public boolean maySeeOrgPath(String path) {
        if (isPlatformAdmin()) {
            return true;
        }
        String target = normalise(path);
        if (orgPath == null || target == null || roles.stream().noneMatch(AREA_ROLES::contains)) {
            return false;
        }
        return target.equals(orgPath) || target.startsWith(orgPath + "/");
    }

    /** True for staff of that very department (and platform administrators). */
    public boolean maySeeDepartmentWork(String department) {
        if (isPlatformAdmin()) {
            return true;
        }
        return hasRole(Roles.DEPARTMENT_STAFF) && departmentId != null && departmentId.equals(department);
    }

    public boolean isSubject(String subject) {
        return userId.equals(subject);
    }

    public void requireOrgPath(String path) {
        if (!maySeeOrgPath(path)) {
            throw new ForbiddenException("This lies outside your area of the organisation");
        }
    }

    public void requireAnyRole(String... candidates) {
        if (!hasAnyRole(candidates)) {
            throw new ForbiddenException("This needs one of the roles " + String.join(", ", candidates));
        }
    }

    private static String normalise(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String trimmed = path.strip();
        return trimmed.length() > 1 && trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
