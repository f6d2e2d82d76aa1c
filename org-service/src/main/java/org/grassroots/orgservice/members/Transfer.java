package org.grassroots.orgservice.members;

import java.time.Instant;

/** One transfer of a member's organisational relationship (组织关系转接), kept as history. */
public record Transfer(String fromUnitCode, String toUnitCode, Instant at, String reason, String byUserId) {
}
