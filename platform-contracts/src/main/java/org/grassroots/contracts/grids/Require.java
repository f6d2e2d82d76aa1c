package org.grassroots.contracts.grids;

import java.time.Instant;
import java.util.Map;

import org.grassroots.contracts.EventChecks;

/** The checks the records of this package share. */
final class Require {

    private Require() {
    }

    static void text(String value, String name) {
        EventChecks.text(value, name);
    }

    static void present(Object value, String name) {
        EventChecks.present(value, name);
    }

    /** The components every event of this package leads with. */
    static void event(String subject, String subjectName, long aggregateVersion, String orgPath, Instant occurredAt) {
        EventChecks.envelope(subject, subjectName, aggregateVersion, orgPath, occurredAt);
    }

    static void gridEvent(String code, long aggregateVersion, String orgPath, Instant occurredAt, GridFacts grid) {
        event(code, "code", aggregateVersion, orgPath, occurredAt);
        present(grid, "grid");
        if (!code.equals(grid.code())) {
            throw new IllegalArgumentException("grid " + grid.code() + " carried by an event about " + code);
        }
    }

    /** A boundary, where one is carried, is a GeoJSON Polygon or MultiPolygon with its coordinates. */
    static Map<String, Object> boundary(Map<String, Object> boundary) {
        if (boundary == null) {
            return null;
        }
        Object type = boundary.get("type");
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            throw new IllegalArgumentException("boundary must be a GeoJSON Polygon or MultiPolygon, not " + type);
        }
        present(boundary.get("coordinates"), "boundary.coordinates");
        return Map.copyOf(boundary);
    }
}
