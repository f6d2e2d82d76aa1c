package org.grassroots.contracts.orgs;

/** The kinds of service station (服务阵地) a unit runs for residents and workers on the move. */
public enum StationKind {
    /** 党群服务中心: a street's or community's party and public service centre. */
    PARTY_SERVICE_CENTER,
    /** 红色驿站: a red station, open to party members and residents. */
    RED_STATION,
    /** 暖心驿站: a warm-heart station for outdoor workers. */
    WARM_HEART_STATION,
    /** 小哥驿站: a station for couriers and delivery riders. */
    COURIER_STATION
}
