package org.grassroots.caseservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;

import org.grassroots.platform.store.StoreIndexes;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** The indexes in the store after start-up are the ones the service's queries declare: none missing, none stray. */
@ServiceIntegrationTest
class CaseServiceIndexesIT {

    @Autowired
    StoreIndexes indexes;

    @Autowired
    MongoTemplate mongo;

    @Test
    void givenTheServiceStarted_thenTheStoreHoldsExactlyTheDeclaredIndexes() {
        assertThat(indexes.declared()).isNotEmpty();
        assertThat(indexes.inStore()).containsExactlyInAnyOrderElementsOf(indexes.declared());
    }

    @Test
    void givenACaseWithANumber_whenAnotherIsStoredWithTheSameNumber_thenTheStoreRefuses() {
        mongo.getCollection("cases").insertOne(new Document("_id", "case-a").append("number", "GR-20260101-999999"));

        assertThatThrownBy(() -> mongo.getCollection("cases")
                .insertOne(new Document("_id", "case-b").append("number", "GR-20260101-999999")))
                .isInstanceOf(MongoWriteException.class)
                .satisfies(e -> assertThat(((MongoWriteException) e).getError().getCategory())
                        .isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
}
