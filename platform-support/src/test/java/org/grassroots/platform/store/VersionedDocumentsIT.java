package org.grassroots.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

@ServiceIntegrationTest(classes = PlatformSupportTestApplication.class)
class VersionedDocumentsIT {

    private static final String COLLECTION = "versioned_parcels";

    @Autowired
    MongoTemplate mongo;

    @Test
    void givenNoDocument_whenTheFirstVersionIsApplied_thenItIsInsertedWithItsValues() {
        String id = newId();

        boolean written = documents().apply(id, 1, new Document("name", "north gate").append("retired", null));

        assertThat(written).isTrue();
        assertThat(stored(id)).isEqualTo(new Document("_id", id).append("name", "north gate").append("retired", null)
                .append("version", 1L));
    }

    @Test
    void givenAnOlderVersion_whenANewerIsApplied_thenItReplacesTheValues() {
        String id = newId();
        documents().apply(id, 1, new Document("name", "north gate").append("active", true));

        boolean written = documents().apply(id, 3, new Document("name", "north gate 2").append("active", false));

        assertThat(written).isTrue();
        assertThat(stored(id)).isEqualTo(new Document("_id", id).append("name", "north gate 2").append("active", false)
                .append("version", 3L));
    }

    @Test
    void givenANewerVersion_whenAnOlderIsApplied_thenItIsDropped() {
        String id = newId();
        documents().apply(id, 5, new Document("name", "newest"));

        boolean written = documents().apply(id, 4, new Document("name", "late and older"));

        assertThat(written).isFalse();
        assertThat(stored(id)).isEqualTo(new Document("_id", id).append("name", "newest").append("version", 5L));
    }

    @Test
    void givenAVersion_whenTheSameVersionIsAppliedAgain_thenNothingChanges() {
        String id = newId();
        documents().apply(id, 2, new Document("name", "as delivered"));

        boolean written = documents().apply(id, 2, new Document("name", "redelivered, changed"));

        assertThat(written).isFalse();
        assertThat(stored(id)).isEqualTo(new Document("_id", id).append("name", "as delivered").append("version", 2L));
    }

    @Test
    void givenNoDocument_whenTwoVersionsAreAppliedAtOnce_thenTheHigherStays() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String id = newId();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Callable<Boolean>> pair = new ArrayList<>();
                for (long version : new long[] {1, 2}) {
                    pair.add(() -> {
                        together.await();
                        return documents().apply(id, version, new Document("name", "version " + version));
                    });
                }
                for (Future<Boolean> done : pool.invokeAll(pair)) {
                    done.get();
                }

                assertThat(stored(id)).as("round %d", round)
                        .isEqualTo(new Document("_id", id).append("name", "version 2").append("version", 2L));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * On MongoDB, a writer may insert an older version between this upsert's match (nothing there) and its
     * insert, which then collides: that collision does not mean "newer", and the newer version must land.
     */
    @Test
    void givenAnOlderVersionInsertedBetweenTheMatchAndTheInsert_whenTheUpsertCollides_thenTheNewerVersionIsWritten() {
        String id = newId();
        VersionedDocuments racing = new VersionedDocuments(
                olderInsertedBeforeTheFirstUpsert(id, new Document("_id", id).append("name", "older").append("version", 1L)),
                COLLECTION);

        boolean written = racing.apply(id, 2, new Document("name", "newer"));

        assertThat(written).isTrue();
        assertThat(stored(id)).isEqualTo(new Document("_id", id).append("name", "newer").append("version", 2L));
    }

    /** The store as a concurrent writer makes it look: the first upsert meets a document inserted meanwhile. */
    private MongoOperations olderInsertedBeforeTheFirstUpsert(String id, Document older) {
        AtomicBoolean raced = new AtomicBoolean();
        return (MongoOperations) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoOperations.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("upsert") && raced.compareAndSet(false, true)) {
                        mongo.getCollection(COLLECTION).insertOne(older);
                        throw new DuplicateKeyException("E11000 duplicate key error, _id " + id);
                    }
                    try {
                        return method.invoke(mongo, arguments);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });
    }

    private VersionedDocuments documents() {
        return new VersionedDocuments(mongo, COLLECTION);
    }

    private Document stored(String id) {
        return mongo.getCollection(COLLECTION).find(Filters.eq("_id", id)).first();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
