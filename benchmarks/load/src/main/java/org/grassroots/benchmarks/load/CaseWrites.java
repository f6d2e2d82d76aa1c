package org.grassroots.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * What the store spends on a dispatch's two writes of a case, alone: the change that takes the
 * relay's lease ({@code {_id, version, outboxLease: null}} → the case's whole state {@code $set} at
 * the next version, the lease, one event pushed, as {@code AggregateStore.update} writes it) and the
 * relay's release by {@code _id} once Kafka has the event (the event pulled, the lease given back). One caller, one write after the other, on cases already
 * in case-service's store (a store grown by {@code load.sh}'s latency step), each at its own version.
 *
 * <p>Prints the writes' wall time and, with {@code storePid}, the store process's CPU per pair of
 * writes, read from {@code /proc}. Settings: {@code mongo} (mongodb://localhost:27217), {@code database}
 * (grassroots-case), {@code writes} (20000 pairs), {@code warmup} (5000 pairs, not counted),
 * {@code storePid}. It changes the cases it writes (their version and {@code updatedAt}): run it on a
 * benchmark's store, never on one that matters.
 */
public final class CaseWrites {

    public static void main(String[] args) throws IOException {
        String uri = System.getProperty("mongo", "mongodb://localhost:27217");
        String database = System.getProperty("database", "grassroots-case");
        int writes = Integer.getInteger("writes", 20_000);
        int warmup = Integer.getInteger("warmup", 5_000);
        String storePid = System.getProperty("storePid");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> cases = client.getDatabase(database).getCollection("cases");
            List<Document> picked = new ArrayList<>();
            cases.find().projection(Projections.exclude("outbox", "outboxLease")).limit(writes + warmup).into(picked);
            if (picked.size() < writes + warmup) {
                throw new IllegalStateException("the store holds " + picked.size() + " cases, fewer than "
                        + (writes + warmup) + ": grow it first (PrefillCases)");
            }
            System.out.printf("%d cases in the store; indexes on cases: %s%n", cases.countDocuments(),
                    cases.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()));
            Random random = new Random(20261207);
            write(cases, picked.subList(0, warmup), random);
            long cpuBefore = cpuTicks(storePid);
            long started = System.nanoTime();
            write(cases, picked.subList(warmup, warmup + writes), random);
            double seconds = (System.nanoTime() - started) / 1e9;
            long cpuAfter = cpuTicks(storePid);
            System.out.printf("%d dispatches' writes (2 each) in %.1f s: %.0f µs a pair%n", writes, seconds,
                    seconds * 1e6 / writes);
            if (storePid != null) {
                double cpuSeconds = (cpuAfter - cpuBefore) / 100.0; // USER_HZ
                System.out.printf("the store's CPU: %.1f s, %.0f µs a pair%n", cpuSeconds, cpuSeconds * 1e6 / writes);
            }
        }
    }

    private static void write(MongoCollection<Document> cases, List<Document> picked, Random random) {
        for (Document stored : picked) {
            Object id = stored.get("_id");
            long version = ((Number) stored.get("version")).longValue();
            String eventId = Long.toHexString(random.nextLong());
            Document state = new Document(stored);
            state.remove("_id");
            state.append("version", version + 1).append("updatedAt", new Date())
                    .append("outboxLease", new Document("owner", "case-writes")
                            .append("until", Date.from(Instant.now().plusSeconds(30))));
            Document change = new Document("$set", state).append("$push",
                    new Document("outbox", new Document("$each", List.of(
                            new Document("eventId", eventId).append("type", "CaseDispatched")))));
            Document written = cases.findOneAndUpdate(
                    new Document("_id", id).append("version", version).append("outboxLease", null), change,
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                            .projection(Projections.include("outbox")));
            if (written == null) {
                throw new IllegalStateException("case " + id + " was not at version " + version + " with its lease free");
            }
            cases.updateOne(new Document("_id", id), Updates.combine(
                    Updates.pull("outbox", new Document("eventId", new Document("$in", List.of(eventId)))),
                    Updates.unset("outboxLease")));
            stored.put("version", version + 1);
        }
    }

    private static long cpuTicks(String pid) throws IOException {
        if (pid == null) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime
    }
}
