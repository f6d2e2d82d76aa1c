package org.grassroots.orgservice.scope;

import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;

/**
 * Who may see and change what in the organisation: staff see the units, members and partners at or
 * under their {@code org_path}; community, street and district staff change them there too; a grid
 * worker only looks. Platform administrators see and change everything.
 *
 * <p>Nobody changes the unit their own area hangs from (move or retire it) except administrators:
 * that would take their whole area away under them.
 */
public final class OrgScope {

    private OrgScope() {
    }

    public static boolean maySee(Caller caller, String path) {
        return caller.maySeeOrgPath(path);
    }

    public static boolean isEditor(Caller caller) {
        return caller.isPlatformAdmin()
                || caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN);
    }

    public static boolean isAdmin(Caller caller) {
        return caller.isPlatformAdmin() || caller.hasRole(Roles.DISTRICT_ADMIN);
    }

    /** Change something at {@code path}: the caller sees it (checked before) and edits there. */
    public static void requireEdit(Caller caller, String path) {
        if (!isEditor(caller) || !caller.maySeeOrgPath(path)) {
            throw new ForbiddenException("Only community, street or district staff of this area may change it");
        }
    }

    /** Restructure the unit at {@code path}: its area's staff, but never the root of the caller's own area. */
    public static void requireRestructure(Caller caller, String path) {
        requireEdit(caller, path);
        if (!caller.isPlatformAdmin() && path.equals(caller.orgPath())
                && !caller.hasRole(Roles.DISTRICT_ADMIN)) {
            throw new ForbiddenException("The unit your own area hangs from is restructured by the level above");
        }
    }

    /** The path a caller's queries are limited to; null when they see everything. */
    public static String scopePath(Caller caller) {
        return caller.isPlatformAdmin() ? null : caller.orgPath();
    }
}
