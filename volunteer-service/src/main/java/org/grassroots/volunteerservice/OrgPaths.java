package org.grassroots.volunteerservice;

import java.util.regex.Pattern;

import org.grassroots.platform.domain.InvalidFieldException;

/**
 * Org paths as this service reads them: {@code /district/street/community[/grid branch…]}. The
 * community is the third segment; an industry committee ({@code /qjp/qjp-kuaidi}) has none.
 */
public final class OrgPaths {

    private static final Pattern PATH = Pattern.compile("(/[a-z0-9][a-z0-9-]{0,63}){1,8}");

    private OrgPaths() {
    }

    /** The community a path lies in, or null above community level. */
    public static String communityOf(String orgPath) {
        if (orgPath == null) {
            return null;
        }
        String[] segments = orgPath.substring(1).split("/");
        return segments.length >= 3 ? segments[2] : null;
    }

    /** The community's own path for a path at or under a community, or null above community level. */
    public static String communityPathOf(String orgPath) {
        if (communityOf(orgPath) == null) {
            return null;
        }
        String[] segments = orgPath.substring(1).split("/");
        return "/" + segments[0] + "/" + segments[1] + "/" + segments[2];
    }

    /** Checks the shape of a path given in a request. */
    public static String valid(String orgPath, String field) {
        if (orgPath == null || !PATH.matcher(orgPath).matches()) {
            throw new InvalidFieldException(field, "must be an org path such as /qjp/qjp-pulou/qjp-pulou-chengnan");
        }
        return orgPath;
    }

    /** A path that must name a community (three segments or more). */
    public static String validCommunityPath(String orgPath, String field) {
        valid(orgPath, field);
        if (communityOf(orgPath) == null || orgPath.substring(1).split("/").length != 3) {
            throw new InvalidFieldException(field, "must name a community: /district/street/community");
        }
        return orgPath;
    }
}
