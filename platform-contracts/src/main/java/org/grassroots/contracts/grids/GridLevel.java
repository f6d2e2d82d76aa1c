package org.grassroots.contracts.grids;

/**
 * 一级/二级/三级网格 and 微网格. A level-1 grid lies in a community; a level-2 grid in a level-1 grid, a
 * level-3 grid in a level-2 grid; a micro-grid in any grid of levels 1–3.
 */
public enum GridLevel {
    LEVEL_1,
    LEVEL_2,
    LEVEL_3,
    MICRO
}
