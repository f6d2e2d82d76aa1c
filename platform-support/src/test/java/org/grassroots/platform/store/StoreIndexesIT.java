package org.grassroots.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;

@ServiceIntegrationTest(classes = PlatformSupportTestApplication.class)
class StoreIndexesIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StoreIndexes startUp;

    @Test
    void givenTheServiceStarted_thenEveryDeclaredIndexIsInTheStore() {
        assertThat(startUp.declared()).isNotEmpty();
        assertThat(startUp.inStore()).containsAll(startUp.declared());
    }

    @Test
    void givenTheIndexesExist_whenAnotherInstanceStarts_thenNothingChanges() {
        List<StoreIndex> before = startUp.inStore();

        indexesDeclaring(List.of()).afterSingletonsInstantiated();
        StoreIndexes secondInstance = indexesDeclaring(startUp.declared());
        secondInstance.afterSingletonsInstantiated();

        assertThat(startUp.inStore()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void givenAUniqueIndex_whenASecondDocumentWithTheSameKeyIsInserted_thenItIsKeptOut() {
        StoreIndex unique = StoreIndex.on("parcels_numbered").ascending("number").unique().build();
        indexesDeclaring(List.of(unique)).afterSingletonsInstantiated();
        mongo.getCollection("parcels_numbered").insertOne(new Document("_id", "a").append("number", "GR-1"));

        assertThatThrownBy(() -> mongo.getCollection("parcels_numbered")
                .insertOne(new Document("_id", "b").append("number", "GR-1")))
                .isInstanceOf(MongoWriteException.class);
    }

    @Test
    void givenDeclaredIndexes_whenCreated_thenTheStoreListsThemAsTheyWereDeclared() {
        List<StoreIndex> declared = List.of(
                StoreIndex.on("parcels_listed").ascending("orgPath").descending("reportedAt").build(),
                StoreIndex.on("parcels_listed").ascending("outbox.eventId").sparse().named("outbox_pending"),
                StoreIndex.on("parcels_listed").geo2dsphere("boundary").named("boundary_2dsphere"),
                StoreIndex.on("parcels_listed").ascending("number").unique().build());
        indexesDeclaring(declared).afterSingletonsInstantiated();

        List<StoreIndex> listed = new ArrayList<>(startUp.inStore());
        listed.removeIf(index -> !index.collection().equals("parcels_listed"));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(declared.get(0).name()).isEqualTo("orgPath_1_reportedAt_-1");
    }

    @Test
    void givenACompareAndSetIndexOfAnEarlierVersion_whenStarted_thenItIsDroppedAndTheDeclaredOnesStay() {
        var parcels = mongo.getCollection("parcels_retired");
        parcels.createIndex(new Document("_id", 1).append("version", 1),
                new IndexOptions().name("compare_and_set_version").unique(true));
        StoreIndex declared = StoreIndex.on("parcels_retired").ascending("orgPath").build();

        indexesDeclaring(List.of(declared)).afterSingletonsInstantiated();

        List<StoreIndex> listed = new ArrayList<>(startUp.inStore());
        listed.removeIf(index -> !index.collection().equals("parcels_retired"));
        assertThat(listed).containsExactly(declared);
    }

    private StoreIndexes indexesDeclaring(List<StoreIndex> indexes) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("declaration", (IndexedQueries) () -> indexes);
        return new StoreIndexes(mongo, beans.getBeanProvider(IndexedQueries.class));
    }
}
