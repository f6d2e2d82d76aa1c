package org.grassroots.gridservice.grids;

/** A sibling grid a boundary overlaps, and by how much. */
public record Overlap(String code, double areaSquareMetres) {
}
