package org.grassroots.testsupport;

import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedMongoIT {

    @Test
    void givenTheSharedStore_whenADocumentIsInserted_thenTheSyncDriverFindsIt() {
        try (MongoClient client = MongoClients.create(PlatformInfrastructure.mongoConnectionString())) {
            MongoCollection<Document> grids = client.getDatabase("it-" + UUID.randomUUID()).getCollection("grids");
            grids.insertOne(new Document("_id", "grid-1").append("level", 3).append("name", "幸福里网格"));

            Document found = grids.find(Filters.eq("level", 3)).first();

            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("幸福里网格");
        }
    }

    @Test
    void givenTheSharedStore_thenItsConnectionStringNamesNoDatabase() {
        assertThat(PlatformInfrastructure.mongoConnectionString()).matches("mongodb://[^/]+");
    }
}
