package org.grassroots.caseservice.open311;

import java.time.Instant;

/**
 * A case as Open311 publishes it ({@code GET requests}): the state as open or closed, a fixed note
 * for the state, the category, the department that holds it, times and place. The description is
 * published only for requests filed through Open311 (their clients publish them anyway); a resident's
 * own report through the app was not written for publication and may name people. Nothing names the
 * reporter or a staff member.
 */
public record ServiceRequestView(String serviceRequestId, boolean open, String statusNotes, String serviceName,
        String serviceCode, String description, String agencyResponsible, String serviceNotice,
        Instant requestedAt, Instant updatedAt, Instant expectedAt, String address, Double lat, Double lon,
        String mediaUrl) {
}
