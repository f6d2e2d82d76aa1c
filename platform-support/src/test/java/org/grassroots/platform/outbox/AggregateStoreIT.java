package org.grassroots.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.testapp.Parcel;
import org.grassroots.platform.testapp.PlatformSupportTestApplication;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Optimistic concurrency on the aggregate's version: of simultaneous changes, exactly one wins. */
@ServiceIntegrationTest(classes = PlatformSupportTestApplication.class)
class AggregateStoreIT {

    @Autowired
    AggregateStore store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void givenManySimultaneousChangesFromTheSameVersion_whenStored_thenExactlyOneWins() throws Exception {
        String id = UUID.randomUUID().toString();
        store.insert(new Parcel(id, 1, "reported", null), List.of(TestEvents.reported(id)));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String label = "dispatched by " + i;
            Callable<Boolean> attempt = () -> {
                try {
                    store.update(new Parcel(id, 2, label, null), 1, List.of(TestEvents.accepted(id, 2)));
                    return true;
                } catch (VersionConflictException conflict) {
                    return false;
                }
            };
            attempts.add(pool.submit(attempt));
        }
        long winners = 0;
        for (Future<Boolean> attempt : attempts) {
            winners += attempt.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(mongo.findById(id, Parcel.class).version()).isEqualTo(2);
    }

    @Test
    void givenAnInsertedId_whenInsertedAgain_thenRefused() {
        String id = UUID.randomUUID().toString();
        store.insert(new Parcel(id, 1, "first", null), List.of());

        assertThatThrownBy(() -> store.insert(new Parcel(id, 1, "again", null), List.of()))
                .isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void givenNothingStoredUnderAnId_whenUpdated_thenNotFound() {
        assertThatThrownBy(() -> store.update(new Parcel("missing", 2, "x", null), 1, List.of()))
                .isInstanceOf(NotFoundException.class);
    }
}
