package org.grassroots.gridservice.grids;

import java.time.Instant;
import java.util.Map;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridservice.geo.GeoJson;
import org.locationtech.jts.geom.Envelope;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a grid is stored: the boundary as a GeoJSON geometry (what a 2dsphere index reads, see
 * {@link GridRepository#indexes()}) and its bounding box as plain numbers, which the embedded store can range-query
 * to find neighbouring grids. {@code boundaryPublished} is missing from grids stored before events carried
 * boundaries ({@link Grids#publishUnpublishedBoundaries}). The outbox array beside these fields belongs to
 * the platform's relay.
 */
@Document(GridDocument.COLLECTION)
record GridDocument(
        @Id String code,
        String name,
        GridLevel level,
        String parentCode,
        String communityId,
        String streetId,
        String orgPath,
        Map<String, Object> boundary,
        double minLon,
        double minLat,
        double maxLon,
        double maxLat,
        double areaSquareMetres,
        boolean retired,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Boolean boundaryPublished) {

    static final String COLLECTION = "grids";

    static GridDocument of(Grid grid) {
        Envelope box = grid.boundary().getEnvelopeInternal();
        return new GridDocument(grid.code(), grid.name(), grid.level(), grid.parentCode(), grid.communityId(),
                grid.streetId(), grid.orgPath(), GeoJson.write(grid.boundary()), box.getMinX(), box.getMinY(),
                box.getMaxX(), box.getMaxY(), grid.areaSquareMetres(), grid.isRetired(), grid.createdAt(),
                grid.updatedAt(), grid.version(), grid.boundaryPublished());
    }

    Grid toGrid() {
        return new Grid(code, name, level, parentCode, communityId, streetId, orgPath,
                GeoJson.readStored(boundary), retired, version, createdAt, updatedAt,
                Boolean.TRUE.equals(boundaryPublished));
    }
}
