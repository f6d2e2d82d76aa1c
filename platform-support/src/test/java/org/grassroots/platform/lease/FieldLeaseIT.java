package org.grassroots.platform.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

@ServiceIntegrationTest(classes = PlatformSupportTestApplication.class)
class FieldLeaseIT {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @Autowired
    MongoTemplate mongo;

    private final FieldLease lease = new FieldLease("workLease", Duration.ofMinutes(1));

    @Test
    void givenNobodyHoldsIt_whenTaken_thenTheHolderAndItsEndAreOnTheDocument() {
        String id = document(new Document());

        Document taken = lease.take(leases(), id, null, "a", NOW, null);

        assertThat(taken.get("workLease", Document.class))
                .isEqualTo(FieldLease.holding("a", Date.from(NOW.plus(Duration.ofMinutes(1)))));
    }

    @Test
    void givenSomeoneHoldsIt_whenAnotherTakesIt_thenNothingUntilTheHoldingHasRunOut() {
        String id = document(new Document());
        lease.take(leases(), id, null, "a", NOW, null);

        assertThat(lease.take(leases(), id, null, "b", NOW.plusSeconds(59), null)).isNull();
        assertThat(lease.take(leases(), id, null, "b", NOW.plusSeconds(61), null)).isNotNull();
        assertThat(lease.renew(leases(), id, "a", NOW.plusSeconds(62))).as("a lost it to b").isFalse();
        assertThat(lease.release(leases(), id, "a")).isFalse();
        assertThat(lease.release(leases(), id, "b")).isTrue();
        assertThat(leases().find(Filters.eq("_id", id)).first()).doesNotContainKey("workLease");
    }

    @Test
    void givenAHolder_whenRenewed_thenItHoldsLonger() {
        String id = document(new Document());
        lease.take(leases(), id, null, "a", NOW, null);

        assertThat(lease.renew(leases(), id, "a", NOW.plusSeconds(50))).isTrue();

        assertThat(lease.take(leases(), id, null, "b", NOW.plusSeconds(100), null)).isNull();
        assertThat(lease.take(leases(), id, null, "b", NOW.plusSeconds(111), null)).isNotNull();
    }

    @Test
    void givenALapsedHolding_whenEightTakeItAtOnce_thenExactlyOneGetsIt() throws Exception {
        String id = document(new Document("workLease", FieldLease.holding("dead", Date.from(NOW.minusSeconds(1)))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Document>> takers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "taker-" + i;
                takers.add(() -> lease.take(leases(), id, null, owner, NOW, null));
            }
            int won = 0;
            for (Future<Document> result : pool.invokeAll(takers)) {
                won += result.get() == null ? 0 : 1;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenAFurtherCondition_whenTheDocumentNoLongerMeetsIt_thenTheLeaseIsNotTaken() {
        String id = document(new Document("due", false));

        assertThat(lease.take(leases(), id, Filters.eq("due", true), "a", NOW, null)).isNull();
        assertThat(leases().find(Filters.eq("_id", id)).first()).doesNotContainKey("workLease");
    }

    @Test
    void givenALeaseWrittenAsABareDateByAnEarlierVersion_thenItCountsUntilThatDate() {
        String id = document(new Document("workLease", Date.from(NOW.plusSeconds(30))));

        assertThat(leases().countDocuments(Filters.and(Filters.eq("_id", id), lease.free(NOW)))).isZero();
        assertThat(lease.take(leases(), id, null, "a", NOW, null)).isNull();
        assertThat(leases().countDocuments(Filters.and(Filters.eq("_id", id), lease.free(NOW.plusSeconds(31)))))
                .isOne();
        assertThat(lease.take(leases(), id, null, "a", NOW.plusSeconds(31), null)).isNotNull();
    }

    private String document(Document fields) {
        String id = UUID.randomUUID().toString();
        leases().insertOne(fields.append("_id", id));
        return id;
    }

    private MongoCollection<Document> leases() {
        return mongo.getCollection("leased_work");
    }
}
