package org.grassroots.gridservice.communities;

/** Inside the service only: a community's org path (and perhaps its street) changed; its grids follow. */
public record CommunityMoved(Community community) {
}
