package org.grassroots.contracts.grids;

import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * A household's pairing with a party member ended. No address and nobody's name: the household by id and grid only.
 *
 * @param householdId      the household's id, also the event's subject and Kafka key
 * @param aggregateVersion the household's version after this change
 * @param orgPath          the household's community's org path
 * @param occurredAt       when it happened
 * @param gridCode         the grid the household lives in
 * @param memberId         the party member's user id (Keycloak subject)
 * @param centralHousehold whether the member serves as a 党员中心户 (10–30 households instead of 5–10)
 */
public record HouseholdUnpaired(
        String householdId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String gridCode,
        String memberId,
        boolean centralHousehold) implements IntegrationEvent {

    public HouseholdUnpaired {
        Require.event(householdId, "householdId", aggregateVersion, orgPath, occurredAt);
        Require.text(gridCode, "gridCode");
        Require.text(memberId, "memberId");
    }

    @Override
    public String subject() {
        return householdId;
    }
}
