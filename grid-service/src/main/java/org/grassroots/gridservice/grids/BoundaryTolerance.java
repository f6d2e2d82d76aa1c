package org.grassroots.gridservice.grids;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How exact boundaries must be. Boundaries digitised by hand or simplified for the web rarely match
 * to the centimetre, so a grid may stray outside its parent by up to {@code toleranceMetres}, and two
 * sibling grids may overlap by up to {@code maxOverlapSquareMetres} (reported, not refused).
 *
 * @param toleranceMetres        how far outside its parent a grid may reach (default 5 m)
 * @param maxOverlapSquareMetres the largest overlap with a sibling that is only reported (default 10 m²)
 */
@ConfigurationProperties("grassroots.grid.boundary")
public record BoundaryTolerance(Double toleranceMetres, Double maxOverlapSquareMetres) {

    public BoundaryTolerance {
        toleranceMetres = toleranceMetres == null ? 5.0 : toleranceMetres;
        maxOverlapSquareMetres = maxOverlapSquareMetres == null ? 10.0 : maxOverlapSquareMetres;
    }
}
