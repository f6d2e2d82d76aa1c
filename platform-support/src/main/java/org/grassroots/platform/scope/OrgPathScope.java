package org.grassroots.platform.scope;

import java.util.regex.Pattern;

import org.grassroots.platform.security.Caller;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * "May this caller see this area", asked of the store: which documents lie in an area of the
 * organisation. An org path names a unit and everything below it, so {@code /qjp/qjp-pulou} holds
 * {@code /qjp/qjp-pulou/qjp-pulou-chengnan} but not {@code /qjp/qjp-pulou2}. For one path in memory,
 * {@link Caller#maySeeOrgPath(String)} answers the same question.
 */
public final class OrgPathScope {

    private OrgPathScope() {
    }

    /** Documents whose {@code field} is {@code orgPath} or lies under it. */
    public static Criteria atOrUnder(String field, String orgPath) {
        return Criteria.where(field).regex("^" + Pattern.quote(orgPath) + "(/|$)");
    }

    /** Documents whose {@code field} lies strictly under {@code orgPath} (its descendants, not itself). */
    public static Criteria strictlyUnder(String field, String orgPath) {
        return Criteria.where(field).regex("^" + Pattern.quote(orgPath + "/"));
    }

    /**
     * Documents whose {@code field} lies in the caller's area: everything for a platform
     * administrator, nothing for a caller whose token names no area.
     */
    public static Criteria inAreaOf(String field, Caller caller) {
        if (caller.isPlatformAdmin()) {
            return new Criteria();
        }
        if (caller.orgPath() == null) {
            return Criteria.where("_id").is(null);
        }
        return atOrUnder(field, caller.orgPath());
    }
}
