package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * A department summoned to a case (吹哨) and whether it has reported in (报到) yet.
 *
 * @param departmentId the department, e.g. {@code dept-urban}
 * @param summonedAt   when the whistle was blown for it
 * @param reportedInBy user id of its staff member who reported in, or null while it has not
 * @param reportedInAt when it reported in, or null while it has not
 */
public record Summons(String departmentId, Instant summonedAt, String reportedInBy, Instant reportedInAt) {

    public Summons {
        Objects.requireNonNull(departmentId, "departmentId");
    }

    public boolean hasReportedIn() {
        return reportedInAt != null;
    }

    Summons reportedIn(String by, Instant at) {
        return new Summons(departmentId, summonedAt, by, at);
    }
}
