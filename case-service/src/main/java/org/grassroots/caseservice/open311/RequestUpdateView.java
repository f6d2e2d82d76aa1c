package org.grassroots.caseservice.open311;

import java.time.Instant;

/**
 * One change of a published case's state, as FixMyStreet's {@code servicerequestupdates} lists it:
 * {@code update_id} is the case id and the case version the change made, so it never changes; the
 * description is the fixed note of the new state, never a staff member's free text.
 */
public record RequestUpdateView(String updateId, String serviceRequestId, boolean open, Instant updatedAt,
        String description, String mediaUrl) {
}
