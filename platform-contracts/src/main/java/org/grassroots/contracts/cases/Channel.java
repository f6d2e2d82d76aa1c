package org.grassroots.contracts.cases;

/** How a case came in. */
public enum Channel {
    RESIDENT_APP,
    GRID_WORKER,
    /** Part-time grid workers, such as couriers and delivery riders who report what they see. */
    PART_TIME_WORKER,
    HOTLINE_12345,
    WISH_WALL,
    /** An outside app or system speaking Open311 GeoReport v2 ({@code POST /open311/v2/requests}). */
    OPEN311,
    /** 代为登记: community staff recorded a resident's walk-in complaint on their behalf. */
    WALK_IN,
    /** 代为登记: community staff recorded a resident's phone call to the community on their behalf. */
    PHONE_CALL
}
