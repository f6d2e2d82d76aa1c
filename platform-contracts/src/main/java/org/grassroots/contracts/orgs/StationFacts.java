package org.grassroots.contracts.orgs;

import java.util.List;

/**
 * A service station as its events carry it: no contact, no opening hours (they stay in org-service).
 *
 * @param code       the station's code
 * @param kind       党群服务中心, 红色驿站, 暖心驿站 or 小哥驿站
 * @param name       the station's name
 * @param unitCode   the org unit that runs it
 * @param orgPath    that unit's path: who sees and keeps the station
 * @param longitude  WGS84 longitude of its entrance
 * @param latitude   WGS84 latitude of its entrance
 * @param facilities the catalogue codes of what it offers (DRINKING_WATER, CHARGING, REST_AREA …)
 * @param active     false once the station closed for good
 */
public record StationFacts(String code, StationKind kind, String name, String unitCode, String orgPath,
        double longitude, double latitude, List<String> facilities, boolean active) {

    public StationFacts {
        Require.text(code, "code");
        Require.present(kind, "kind");
        Require.text(name, "name");
        Require.text(unitCode, "unitCode");
        Require.text(orgPath, "orgPath");
        facilities = facilities == null ? List.of() : List.copyOf(facilities);
    }
}
