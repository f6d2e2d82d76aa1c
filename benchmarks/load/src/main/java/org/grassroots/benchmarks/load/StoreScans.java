package org.grassroots.benchmarks.load;

import java.util.ArrayList;
import java.util.Date;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * How long case-service's store takes to answer the two questions case-service asks it on a timer,
 * sent as case-service sends them: the outbox relay's scan for events a crash or another instance left
 * (platform-support's {@code OutboxClaims.pendingIn}: an outbox entry, no live lease; every 10 s) and
 * the SLA scanner's ({@code SlaScanner.dueCaseIds}: {@code slaCheckAt} passed, earliest first; every
 * 30 s). A MongoDB answers both from an index; the embedded store reads every case for each, holding
 * the collection's one lock meanwhile, so every write to {@code cases} waits (docs/benchmarks.md,
 * round 12). One case read by {@code _id} is timed next to them. Settings: {@code mongo}
 * (mongodb://localhost:27217), {@code database} (grassroots-case), {@code rounds} (3).
 */
public final class StoreScans {

    public static void main(String[] args) {
        String uri = System.getProperty("mongo", "mongodb://localhost:27217");
        String database = System.getProperty("database", "grassroots-case");
        int rounds = Integer.getInteger("rounds", 3);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> cases = client.getDatabase(database).getCollection("cases");
            Document any = cases.find().projection(Projections.include("_id")).first();
            System.out.printf("The store's timed scans, %d cases:%n", cases.estimatedDocumentCount());
            for (int round = 1; round <= rounds; round++) {
                Date now = new Date();
                Bson leaseFree = Filters.or(Filters.exists("outboxLease", false), Filters.eq("outboxLease", null),
                        Filters.lt("outboxLease.until", now), Filters.lt("outboxLease", now));
                long outbox = millis(() -> cases.find(Filters.and(Filters.exists("outbox.eventId"), leaseFree))
                        .projection(Projections.include("_id")).limit(200).into(new ArrayList<>()).size());
                long sla = millis(() -> cases.find(Filters.lte("slaCheckAt", now))
                        .projection(Projections.include("_id")).sort(Sorts.ascending("slaCheckAt")).limit(200)
                        .into(new ArrayList<>()).size());
                long byId = any == null ? 0 : millis(() -> cases.find(Filters.eq("_id", any.get("_id"))).into(new ArrayList<>()).size());
                System.out.printf("  round %d: outbox relay's scan %d ms, SLA scanner's %d ms, one case by _id %d ms%n",
                        round, outbox, sla, byId);
            }
        }
    }

    private static long millis(Supplier<Integer> query) {
        long start = System.nanoTime();
        query.get();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
