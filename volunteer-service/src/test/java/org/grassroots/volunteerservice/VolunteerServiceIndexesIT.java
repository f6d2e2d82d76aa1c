package org.grassroots.volunteerservice;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.platform.store.StoreIndexes;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The indexes in the store after start-up are the ones the service's queries declare: none missing, none stray. */
@ServiceIntegrationTest
class VolunteerServiceIndexesIT {

    @Autowired
    StoreIndexes indexes;

    @Test
    void givenTheServiceStarted_thenTheStoreHoldsExactlyTheDeclaredIndexes() {
        assertThat(indexes.declared()).isNotEmpty();
        assertThat(indexes.inStore()).containsExactlyInAnyOrderElementsOf(indexes.declared());
    }
}
