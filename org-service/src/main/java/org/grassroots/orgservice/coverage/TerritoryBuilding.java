package org.grassroots.orgservice.coverage;

/**
 * A building as org-service knows it from grid-service's {@code grid-events}: named by its grid's
 * households (e.g. 3幢), occupied while an active household lives there.
 *
 * @param id the building's id, {@code <gridCode>:<building>}
 */
public record TerritoryBuilding(String id, String gridCode, String building, String orgPath, boolean occupied,
        long version) {
}
