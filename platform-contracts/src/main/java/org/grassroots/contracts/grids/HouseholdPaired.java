package org.grassroots.contracts.grids;

import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * A party member was paired with a household (党员联系户), to visit it and hear its needs. No address and nobody's name: the household by id and grid only.
 *
 * @param householdId      the household's id, also the event's subject and Kafka key
 * @param aggregateVersion the household's version after this change
 * @param orgPath          the household's community's org path
 * @param occurredAt       when it happened
 * @param gridCode         the grid the household lives in
 * @param memberId         the party member's user id (Keycloak subject)
 * @param centralHousehold whether the member serves as a 党员中心户 (10–30 households instead of 5–10)
 */
public record HouseholdPaired(
        String householdId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String gridCode,
        String memberId,
        boolean centralHousehold) implements IntegrationEvent {

    public HouseholdPaired {
        Require.event(householdId, "householdId", aggregateVersion, orgPath, occurredAt);
        Require.text(gridCode, "gridCode");
        Require.text(memberId, "memberId");
    }

    @Override
    public String subject() {
        return householdId;
    }
}
