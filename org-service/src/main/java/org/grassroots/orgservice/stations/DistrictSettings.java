package org.grassroots.orgservice.stations;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The district's time zone ({@code grassroots.district.zone}, platform-support's default
 * {@code Asia/Shanghai}): opening hours are local times there.
 */
@ConfigurationProperties("grassroots.district")
public record DistrictSettings(ZoneId zone) {

    public DistrictSettings {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
