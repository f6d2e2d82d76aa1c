package org.grassroots.systemtests.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * A counter taken by many callers at once, as case numbers are: each {@code findOneAndUpdate} with
 * {@code $inc} and the document after it must answer a value no other caller was answered. Before
 * {@code LocalMongo} copied the answer under the collection's lock, mongo-java-server answered some
 * callers with the document as a later increment had already changed it.
 */
class LocalMongoCountersIT {

    private static final int CALLERS = 8;
    private static final int TAKES_EACH = 300;

    @TempDir
    Path dir;

    private LocalMongoProcess localMongo;

    @AfterEach
    void stop() throws InterruptedException {
        if (localMongo != null) {
            localMongo.close();
        }
    }

    @Test
    void givenEightCallersAtOnce_whenEachTakesNumbersFromOneCounter_thenEveryNumberIsAnsweredOnce() throws Exception {
        localMongo = new LocalMongoProcess(dir.resolve("grassroots.mv.db"));
        int port = localMongo.start(dir.resolve("local-mongo.log"));
        try (MongoClient client = LocalMongoProcess.client(port)) {
            MongoCollection<Document> counters = client.getDatabase("grassroots-case").getCollection("case_numbers");
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            try {
                Callable<List<Long>> caller = () -> {
                    List<Long> taken = new ArrayList<>();
                    for (int i = 0; i < TAKES_EACH; i++) {
                        Document counter = counters.findOneAndUpdate(Filters.eq("_id", "20261205"),
                                Updates.inc("next", 1L),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                        taken.add(counter.get("next", Number.class).longValue());
                    }
                    return taken;
                };
                List<Future<List<Long>>> running = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    running.add(callers.submit(caller));
                }
                List<Long> answered = new ArrayList<>();
                for (Future<List<Long>> each : running) {
                    answered.addAll(each.get());
                }

                long total = (long) CALLERS * TAKES_EACH;
                assertThat(answered).doesNotHaveDuplicates().hasSize((int) total);
                assertThat(answered).allSatisfy(number -> assertThat(number).isBetween(1L, total));
                assertThat(counters.find(Filters.eq("_id", "20261205")).first().get("next", Number.class).longValue())
                        .isEqualTo(total);
            } finally {
                callers.shutdownNow();
            }
        }
    }
}
