package org.grassroots.gridservice.households;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a household is stored: persons embedded with their personal data only encrypted, the history
 * beside them. Households stored before statuses and history existed have neither (read as active,
 * with an empty history). The outbox array beside these fields belongs to the platform's relay.
 */
@Document(HouseholdDocument.COLLECTION)
record HouseholdDocument(@Id String id, String gridCode, String communityId, String orgPath,
        String building, String unit, String room, List<Person> persons, String pairedMemberId,
        boolean pairedCentral, Instant pairedAt, Instant createdAt, long version, HouseholdStatus status,
        List<HouseholdChange> history) {

    static final String COLLECTION = "households";

    static HouseholdDocument of(Household household) {
        return new HouseholdDocument(household.id(), household.gridCode(), household.communityId(),
                household.orgPath(), household.building(), household.unit(), household.room(), household.persons(),
                household.pairedMemberId(), household.pairedCentral(), household.pairedAt(), household.createdAt(),
                household.version(), household.status(), household.history());
    }

    Household toHousehold() {
        return new Household(id, gridCode, communityId, orgPath, building, unit, room, persons, pairedMemberId,
                pairedCentral, pairedAt, createdAt, version, status, history);
    }
}
