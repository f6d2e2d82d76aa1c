package org.grassroots.systemtests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The local platform's store, {@code deploy/local/LocalMongo.java}, run as {@code ./grassroots} runs
 * it (the JDK's source launcher, a file of its own), on a store file written the way the release
 * before wrote it: mongo-java-server's plain H2 backend, documents and index keys Java-serialized.
 * Everything is asked over the wire with the MongoDB driver, across two starts.
 */
class LocalMongoStoreIT {

    private static final int CASES = 400;

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
    void givenAStoreTheReleaseBeforeWrote_whenLocalMongoOpensItTwice_thenEveryDocumentAndUniqueIndexAnswersAsBefore()
            throws Exception {
        Path file = dir.resolve("grassroots.mv.db");
        List<Document> written = writeAsTheReleaseBefore(file);
        localMongo = new LocalMongoProcess(file);

        Path firstLog = dir.resolve("first.log");
        int port = localMongo.start(firstLog);
        try (MongoClient client = LocalMongoProcess.client(port)) {
            MongoCollection<Document> cases = client.getDatabase("grassroots-case").getCollection("cases");
            assertThat(cases.countDocuments()).isEqualTo(CASES);
            for (Document expected : written) {
                assertThat(cases.find(Filters.eq("_id", expected.get("_id"))).first()).isEqualTo(expected);
                assertThat(cases.find(Filters.eq("number", expected.get("number"))).first()).isEqualTo(expected);
            }
            assertDuplicateRefused(cases, new Document("_id", "another").append("number", written.get(7).get("number")));
            assertDuplicateRefused(cases, new Document("_id", written.get(8).get("_id")).append("number", "GR-new"));

            cases.updateOne(Filters.eq("_id", written.get(0).get("_id")), Updates.combine(
                    Updates.set("status", "DISPATCHED"), Updates.inc("version", 1),
                    Updates.push("history", new Document("action", "DISPATCHED"))));
            cases.deleteOne(Filters.eq("_id", written.get(1).get("_id")));
            cases.insertOne(new Document("_id", "after-upgrade").append("number", "GR-after").append("version", 1L));

            MongoCollection<Document> files = client.getDatabase("grassroots-case").getCollection("attachments.files");
            assertThat(files.find().first()).isNotNull();
        }
        localMongo.stop();
        assertThat(Files.readString(firstLog))
                .contains("index grassroots-case.cases._index__id_ put in key order")
                .contains("index grassroots-case.cases._index_number_1 put in key order");

        Path secondLog = dir.resolve("second.log");
        port = localMongo.start(secondLog);
        try (MongoClient client = LocalMongoProcess.client(port)) {
            MongoCollection<Document> cases = client.getDatabase("grassroots-case").getCollection("cases");
            assertThat(cases.countDocuments()).isEqualTo(CASES);
            Document updated = cases.find(Filters.eq("number", written.get(0).get("number"))).first();
            assertThat(updated).containsEntry("status", "DISPATCHED").containsEntry("version", 2L);
            assertThat(updated.getList("history", Document.class)).hasSize(2);
            assertThat(cases.find(Filters.eq("_id", written.get(1).get("_id"))).first()).isNull();
            assertThat(cases.find(Filters.eq("number", "GR-after")).first()).containsEntry("_id", "after-upgrade");
            for (Document expected : written.subList(2, CASES)) {
                assertThat(cases.find(Filters.eq("number", expected.get("number"))).first()).isEqualTo(expected);
            }
            assertDuplicateRefused(cases, new Document("_id", "yet-another").append("number", "GR-after"));
        }
        localMongo.stop();
        assertThat(Files.readString(secondLog)).doesNotContain("put in key order");
    }

    /** What the store looked like before: the plain H2 backend, one unique index besides {@code _id}. */
    private List<Document> writeAsTheReleaseBefore(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new H2Backend(store));
        InetSocketAddress address = server.bind();
        List<Document> written = new ArrayList<>();
        try (MongoClient client = LocalMongoProcess.client(address.getPort())) {
            MongoCollection<Document> cases = client.getDatabase("grassroots-case").getCollection("cases");
            cases.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            for (int i = 0; i < CASES; i++) {
                Document document = new Document("_id", "case-%04d-%s".formatted((i * 7919) % CASES, i))
                        .append("number", "GR-" + (CASES - i)) // lengths vary: the old order is not the new
                        .append("version", 1L)
                        .append("status", "REPORTED")
                        .append("lon", 119.0 + i / 1000.0)
                        .append("emergency", i % 5 == 0)
                        .append("reportedAt", java.util.Date.from(Instant.parse("2026-12-04T08:00:00Z").plusSeconds(i)))
                        .append("possibleDuplicateOf", null)
                        .append("searchTerms", List.of("垃圾", "堆积"))
                        .append("history", List.of(new Document("action", "REPORTED").append("version", 1)));
                cases.insertOne(document);
                written.add(document);
            }
            client.getDatabase("grassroots-case").getCollection("attachments.files")
                    .insertOne(new Document("_id", new ObjectId()).append("length", 1024L));
        } finally {
            server.shutdown();
            if (!store.isClosed()) {
                store.close();
            }
        }
        return written;
    }

    private static void assertDuplicateRefused(MongoCollection<Document> cases, Document duplicate) {
        assertThatThrownBy(() -> cases.insertOne(duplicate))
                .isInstanceOfSatisfying(MongoWriteException.class, refused ->
                        assertThat(ErrorCategory.fromErrorCode(refused.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
}
