package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * The current time limits of a case, already worked out from the category, the holiday calendar,
 * pauses and extensions, so a consumer need not know any of them. A stage not yet started is null.
 */
public record Deadlines(Instant respondBy, Instant resolveBy, Instant verifyBy) {
}
