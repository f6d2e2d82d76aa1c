package org.grassroots.contracts.grids;

/** 网格长 / 专职网格员 / 兼职网格员 / 微格长 / 楼栋长. */
public enum StaffRole {
    GRID_CHIEF,
    FULL_TIME_WORKER,
    PART_TIME_WORKER,
    MICRO_GRID_CHIEF,
    BUILDING_LEADER
}
