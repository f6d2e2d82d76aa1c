package org.grassroots.contracts.grids;

import java.time.Instant;
import java.util.Map;

/**
 * A grid's boundary was redrawn; or, once, a grid drawn before events carried boundaries has its
 * boundary sent (unchanged), so that a follower of {@code grid-events} has every active grid's.
 *
 * @param code             the grid's code, also the event's subject and Kafka key
 * @param aggregateVersion the grid's version after this change
 * @param orgPath          the grid's community's org path, equal to {@code grid.orgPath()}
 * @param occurredAt       when it happened
 * @param grid             the grid after this change
 * @param areaSquareMetres the new boundary's area in square metres
 * @param boundary         the boundary as a GeoJSON Polygon or MultiPolygon (RFC 7946: WGS 84, longitude first,
 *                         exterior rings counter-clockwise); absent from events published before boundaries
 *                         were carried (a consumer keeping its own locator then asks grid-service instead)
 */
public record GridBoundaryChanged(
        String code,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        GridFacts grid,
        double areaSquareMetres,
        Map<String, Object> boundary) implements GridEvent {

    public GridBoundaryChanged {
        Require.gridEvent(code, aggregateVersion, orgPath, occurredAt, grid);
        boundary = Require.boundary(boundary);
    }
}
