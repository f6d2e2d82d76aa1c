package org.grassroots.systemtests.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The secondary indexes of {@code deploy/local/LocalMongo.java} narrow a query down and never lose a
 * document it matches. Every query is asked of LocalMongo (over the wire, run as {@code ./grassroots}
 * runs it) and of a plain in-memory mongo-java-server, which reads every document for it; both must
 * answer the same documents in the same order: on documents of every shape the services write (a
 * field missing, null, an array, an empty array, numbers of three types, dates), after inserts,
 * updates and deletes, and after LocalMongo is stopped and started again. A query naming an
 * {@code _id} besides other fields (a compare-and-set) is answered from the {@code _id} index there, and
 * must find what the whole-collection read finds.
 */
class LocalMongoIndexesIT {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final List<String> STATUSES = List.of("REPORTED", "DISPATCHED", "CLAIMED", "CLOSED");

    @TempDir
    Path dir;

    private final Random random = new Random(20261205);
    private LocalMongoProcess localMongo;
    private MongoServer oracle;

    @AfterEach
    void stop() throws InterruptedException {
        if (localMongo != null) {
            localMongo.close();
        }
        if (oracle != null) {
            oracle.shutdown();
        }
    }

    @Test
    void givenDocumentsOfEveryShape_whenQueriedThroughTheSecondaryIndexes_thenTheAnswersAreThoseOfAWholeCollectionRead()
            throws Exception {
        oracle = new MongoServer(new MemoryBackend());
        InetSocketAddress oracleAddress = oracle.bind();
        localMongo = new LocalMongoProcess(dir.resolve("grassroots.mv.db"));
        Path firstLog = dir.resolve("first.log");
        int port = localMongo.start(firstLog);

        try (MongoClient local = LocalMongoProcess.client(port);
             MongoClient plain = LocalMongoProcess.client(oracleAddress.getPort())) {
            List<MongoCollection<Document>> both = List.of(cases(local), cases(plain));
            for (MongoCollection<Document> cases : both) {
                createIndexes(cases);
            }
            for (int i = 0; i < 600; i++) {
                Document document = randomCase(i);
                both.forEach(cases -> cases.insertOne(new Document(document)));
            }
            assertSameAnswers(cases(local), cases(plain));
            for (MongoCollection<Document> cases : both) { // made on a collection that has documents: filled at its first use
                cases.createIndex(Indexes.ascending("reportedAt"));
            }

            for (int i = 0; i < 400; i++) {
                String id = "case-" + random.nextInt(650);
                int change = random.nextInt(6);
                Bson update = randomUpdate(change);
                for (MongoCollection<Document> cases : both) {
                    if (change == 5) {
                        cases.deleteOne(Filters.eq("_id", id));
                    } else {
                        cases.updateOne(Filters.eq("_id", id), update);
                    }
                }
                if (i % 10 == 0) {
                    Document document = randomCase(600 + i / 10);
                    for (MongoCollection<Document> cases : both) {
                        cases.deleteOne(Filters.eq("_id", document.get("_id")));
                        cases.insertOne(new Document(document));
                    }
                }
            }
            for (int i = 0; i < 200; i++) { // compare-and-sets on _id and the version, some of which miss
                Document current = new Document("_id", "case-" + random.nextInt(650)).append("version", random.nextInt(2));
                Bson update = Updates.combine(Updates.set("status", STATUSES.get(random.nextInt(STATUSES.size()))),
                        Updates.set("version", random.nextInt(2)));
                assertThat(cases(local).updateOne(current, update).getModifiedCount()).as(current.toJson())
                        .isEqualTo(cases(plain).updateOne(current, update).getModifiedCount());
            }
            assertThat(cases(local).countDocuments()).isEqualTo(cases(plain).countDocuments());
            assertSameAnswers(cases(local), cases(plain));
            assertThat(indexSize(local.getDatabase("grassroots-case"), "cases", "slaCheckAt_1")).isPositive();
            assertThat(indexSize(local.getDatabase("grassroots-case"), "cases", "outbox_pending")).isPositive();
        }
        localMongo.stop();

        Path secondLog = dir.resolve("second.log");
        port = localMongo.start(secondLog);
        assertThat(Files.readString(secondLog)).containsPattern(
                "the secondary indexes of grassroots-case filled from \\d+ documents");
        try (MongoClient local = LocalMongoProcess.client(port);
             MongoClient plain = LocalMongoProcess.client(oracleAddress.getPort())) {
            assertSameAnswers(cases(local), cases(plain));
            Document late = randomCase(999);
            for (MongoCollection<Document> cases : List.of(cases(local), cases(plain))) {
                cases.insertOne(new Document(late));
                cases.updateMany(Filters.lt("slaCheckAt", Date.from(T0.plusSeconds(3_000))),
                        Updates.set("slaCheckAt", Date.from(T0.plusSeconds(90_000))));
            }
            assertSameAnswers(cases(local), cases(plain));
        }
    }

    @Test
    void givenIdsOfEveryKind_whenManyDocumentsShareAValue_thenEachIsFoundAndRemovedByItsOwnId() throws Exception {
        oracle = new MongoServer(new MemoryBackend());
        InetSocketAddress oracleAddress = oracle.bind();
        localMongo = new LocalMongoProcess(dir.resolve("grassroots.mv.db"));
        int port = localMongo.start(dir.resolve("ids.log"));

        try (MongoClient local = LocalMongoProcess.client(port);
             MongoClient plain = LocalMongoProcess.client(oracleAddress.getPort())) {
            List<MongoCollection<Document>> both = List.of(wishes(local), wishes(plain));
            for (MongoCollection<Document> wishes : both) {
                wishes.createIndex(Indexes.ascending("status"));
            }
            // Ids of every kind one value's positions may hold: text, numbers of three types,
            // ObjectIds, and two documents that differ only in the order of their fields.
            List<Object> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add("wish-" + i);
            }
            for (int i = 0; i < 40; i++) {
                ids.add(switch (i % 4) {
                    case 0 -> i;
                    case 1 -> (long) i;
                    case 2 -> i + 0.5;
                    default -> new ObjectId();
                });
            }
            ids.add(new Document("street", "s1").append("n", 1));
            ids.add(new Document("n", 1).append("street", "s1")); // the same fields in another order: another id
            for (Object id : ids) {
                String status = STATUSES.get(random.nextInt(2));
                both.forEach(wishes -> wishes.insertOne(new Document("_id", id).append("status", status)));
            }
            assertSameWishes(wishes(local), wishes(plain));

            for (int i = 0; i < 120; i++) {
                Object id = ids.get(random.nextInt(ids.size()));
                String status = STATUSES.get(random.nextInt(STATUSES.size()));
                for (MongoCollection<Document> wishes : both) {
                    if (i % 3 == 0) {
                        wishes.deleteOne(Filters.eq("_id", id));
                    } else {
                        wishes.updateOne(Filters.eq("_id", id), Updates.set("status", status));
                    }
                }
            }
            assertThat(wishes(local).countDocuments()).isEqualTo(wishes(plain).countDocuments());
            assertSameWishes(wishes(local), wishes(plain));
            // No entry left behind by a delete or an update: collStats counts 64 bytes an entry.
            assertThat(indexSize(local.getDatabase("grassroots-volunteer"), "wishes", "status_1"))
                    .isEqualTo(64 * wishes(local).countDocuments(Filters.exists("status")));
        }
    }

    private static MongoCollection<Document> wishes(MongoClient client) {
        return client.getDatabase("grassroots-volunteer").getCollection("wishes");
    }

    private static void assertSameWishes(MongoCollection<Document> local, MongoCollection<Document> plain) {
        for (String status : STATUSES) {
            Bson query = Filters.eq("status", status);
            assertThat(local.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .as(status).isEqualTo(plain.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
        Bson some = Filters.in("status", STATUSES.get(0), STATUSES.get(3));
        assertThat(local.countDocuments(some)).isEqualTo(plain.countDocuments(some));
    }

    private static MongoCollection<Document> cases(MongoClient client) {
        return client.getDatabase("grassroots-case").getCollection("cases");
    }

    /** Those case-service declares that the stand-in can use, and one on a field of mixed number types. */
    private static void createIndexes(MongoCollection<Document> cases) {
        cases.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().name("outbox_pending").sparse(true));
        cases.createIndex(Indexes.ascending("slaCheckAt"));
        cases.createIndex(Indexes.ascending("departmentIds"));
        cases.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("reportedAt")));
        cases.createIndex(Indexes.ascending("possibleDuplicateOf"));
        cases.createIndex(Indexes.ascending("priority"));
        cases.createIndex(Indexes.ascending("assignee.id", "assignee.kind", "status"));
    }

    /** Fields sometimes missing, sometimes null, arrays full and empty, numbers as int, long and double. */
    private Document randomCase(int i) {
        Document document = new Document("_id", "case-" + i)
                .append("status", STATUSES.get(random.nextInt(STATUSES.size())))
                .append("reportedAt", Date.from(T0.plusSeconds(random.nextInt(86_400))));
        switch (random.nextInt(4)) {
            case 0 -> { }
            case 1 -> document.append("slaCheckAt", null);
            default -> document.append("slaCheckAt", Date.from(T0.plusSeconds(random.nextInt(86_400))));
        }
        switch (random.nextInt(4)) {
            case 0 -> { }
            case 1 -> document.append("departmentIds", List.of());
            case 2 -> document.append("departmentIds", "d" + random.nextInt(5));
            default -> document.append("departmentIds", List.of("d" + random.nextInt(5), "d" + random.nextInt(5)));
        }
        document.append("outbox", outbox(random.nextInt(3)));
        if (random.nextBoolean()) {
            document.append("possibleDuplicateOf", random.nextInt(3) == 0 ? null : "case-" + random.nextInt(20));
        }
        switch (random.nextInt(4)) {
            case 0 -> document.append("priority", random.nextInt(3));
            case 1 -> document.append("priority", (long) random.nextInt(3));
            case 2 -> document.append("priority", random.nextInt(3) + 0.0);
            default -> document.append("priority", "high");
        }
        if (random.nextBoolean()) {
            document.append("assignee", new Document("id", "m" + random.nextInt(4)).append("kind", "MEMBER"));
        }
        return document;
    }

    private List<Document> outbox(int events) {
        List<Document> outbox = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            outbox.add(random.nextInt(5) == 0 ? new Document("type", "CaseNoted")
                    : new Document("eventId", "e-" + random.nextInt(1_000_000)).append("type", "CaseReported"));
        }
        return outbox;
    }

    private Bson randomUpdate(int change) {
        return switch (change) {
            case 0 -> Updates.set("slaCheckAt", Date.from(T0.plusSeconds(random.nextInt(86_400))));
            case 1 -> Updates.unset("slaCheckAt");
            case 2 -> Updates.combine(Updates.set("status", STATUSES.get(random.nextInt(STATUSES.size()))),
                    Updates.set("outbox", outbox(random.nextInt(3))));
            case 3 -> Updates.pull("outbox", new Document("type", "CaseReported"));
            case 4 -> Updates.set("departmentIds", List.of("d" + random.nextInt(5)));
            default -> Updates.set("version", 0);
        };
    }

    /** The queries the services ask on these fields, and some the index must leave alone. */
    private static void assertSameAnswers(MongoCollection<Document> local, MongoCollection<Document> plain) {
        Date noon = Date.from(T0.plusSeconds(43_200));
        Date evening = Date.from(T0.plusSeconds(64_800));
        Bson leaseFree = Filters.or(Filters.exists("outboxLease", false), Filters.eq("outboxLease", null),
                Filters.lt("outboxLease.until", noon));
        List<Bson> queries = List.of(
                Filters.exists("outbox.eventId"),
                Filters.and(Filters.exists("outbox.eventId"), leaseFree),
                Filters.exists("slaCheckAt"),
                Filters.exists("departmentIds"),
                Filters.lte("slaCheckAt", noon),
                Filters.and(Filters.gte("slaCheckAt", noon), Filters.lt("slaCheckAt", evening)),
                Filters.gt("slaCheckAt", evening),
                Filters.and(Filters.gt("slaCheckAt", evening), Filters.lt("slaCheckAt", noon)),
                Filters.eq("slaCheckAt", null),
                Filters.eq("departmentIds", "d3"),
                Filters.in("departmentIds", "d1", "d4"),
                Filters.all("departmentIds", "d2", "d3"),
                Filters.size("departmentIds", 0),
                Filters.eq("status", "CLAIMED"),
                Filters.and(Filters.in("status", "REPORTED", "DISPATCHED"), Filters.gte("reportedAt", noon)),
                Filters.and(Filters.gte("reportedAt", noon), Filters.lt("reportedAt", evening)),
                Filters.and(Filters.eq("status", "CLOSED"), Filters.eq("departmentIds", "d2")),
                Filters.ne("status", "CLOSED"),
                Filters.eq("possibleDuplicateOf", "case-7"),
                Filters.eq("possibleDuplicateOf", null),
                Filters.eq("priority", 1),
                Filters.eq("priority", 2.0),
                Filters.in("priority", 0L, "high"),
                Filters.and(Filters.eq("assignee.id", "m2"), Filters.eq("assignee.kind", "MEMBER")),
                Filters.and(Filters.eq("_id", "case-12"), Filters.lte("slaCheckAt", noon)),
                // Plain documents, as the compare-and-sets send them: found by _id, matched on the rest.
                new Document("_id", "case-12").append("status", "CLOSED"),
                new Document("_id", "case-13").append("outboxLease", null),
                new Document("_id", "case-14").append("version", 0).append("outboxLease", null),
                new Document("_id", new Document("$in", List.of("case-3", "case-4", "case-5", "case-640")))
                        .append("status", new Document("$ne", "CLOSED")),
                new Document("_id", new Document("$gt", "case-5")).append("status", "CLAIMED"),
                Filters.or(Filters.eq("status", "CLAIMED"), Filters.eq("departmentIds", "d0")));
        for (Bson query : queries) {
            assertThat(ids(local, query)).as(query.toString()).isEqualTo(ids(plain, query));
        }
        Bson due = Filters.lte("slaCheckAt", evening);
        Bson earliestFirst = Sorts.ascending("slaCheckAt", "_id"); // ties in any order would do; this one is fixed
        assertThat(local.find(due).sort(earliestFirst).limit(50).into(new ArrayList<>()))
                .as("the SLA scanner's batch").isEqualTo(plain.find(due).sort(earliestFirst).limit(50).into(new ArrayList<>()));
    }

    private static List<Object> ids(MongoCollection<Document> cases, Bson query) {
        return cases.find(query).sort(Sorts.ascending("_id")).map(document -> document.get("_id")).into(new ArrayList<>());
    }

    private static long indexSize(MongoDatabase database, String collection, String index) {
        Document stats = database.runCommand(new Document("collStats", collection));
        return ((Number) stats.get("indexSize", Document.class).get(index)).longValue();
    }
}
