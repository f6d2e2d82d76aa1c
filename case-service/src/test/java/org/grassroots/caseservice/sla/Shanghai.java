package org.grassroots.caseservice.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Instants written as Beijing wall-clock time, so the tests read like the office timetable. */
final class Shanghai {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Shanghai() {
    }

    /** {@code at("2026-03-02T09:00")} is 09:00 on Monday 2 March 2026 in Beijing. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }
}
