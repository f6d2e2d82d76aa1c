package org.grassroots.gridservice.communities;

/**
 * A community (社区党委) as org-service last told us: the read model grids are placed in. The street
 * is the community's parent unit; the org path is what grids, households and events are scoped by.
 * How it is stored is {@link CommunityDocument}'s business.
 *
 * @param code     the community's code, e.g. {@code qjp-pulou-chengnan}
 * @param streetId the parent unit's code, e.g. {@code qjp-pulou}
 * @param path     the materialised org path
 * @param version  the org unit's version this copy reflects; older events are skipped
 */
public record Community(String code, String name, String streetId, String path, boolean retired,
        long version) {

    /** Whether this copy is newer than {@code held} (a redelivered or older event is not). */
    public boolean newerThan(Community held) {
        return held == null || version > held.version();
    }

    /** The same community under another path (its own version stays: a move above it is not its change). */
    public Community movedTo(String newPath) {
        return new Community(code, name, streetId, newPath, retired, version);
    }
}
