package org.grassroots.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Grows case-service's store to {@code cases} cases (100,000 by default) before a run, as a district's
 * store looks after a year or two: closed cases, copied from the closed cases the platform itself made
 * (the demo's, and those of earlier runs), each with a new id and a number of its own
 * ({@code 12345-FILL-000001} …), spread over the last 700 days. Nothing is published: the copies carry
 * no outbox entries and no lease, so the relay and every consumer see none of them; they only make the
 * store as large as the target asks ("on a store that already holds ≥ 100,000 cases").
 *
 * <p>Writing through the API would take the platform 20 minutes at 100 reports/s and leave open cases
 * for the SLA scanner; copying documents takes seconds. What is measured on top of it — dispatches,
 * their events — goes through the API as always. Settings: {@code mongo} (mongodb://localhost:27217),
 * {@code database} (grassroots-case), {@code cases} (100000).
 */
public final class PrefillCases {

    public static void main(String[] args) {
        String uri = System.getProperty("mongo", "mongodb://localhost:27217");
        String database = System.getProperty("database", "grassroots-case");
        int target = Integer.getInteger("cases", 100_000);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> cases = client.getDatabase(database).getCollection("cases");
            long present = cases.countDocuments();
            if (present >= target) {
                System.out.printf("The store already holds %d cases (≥ %d): nothing to add%n", present, target);
                return;
            }
            List<Document> templates = cases.find(Filters.eq("status", "CLOSED")).limit(200).into(new ArrayList<>());
            if (templates.isEmpty()) {
                throw new IllegalStateException("no closed case to copy: load the demo first (./grassroots demo)");
            }
            long started = System.nanoTime();
            int toAdd = (int) (target - present);
            Instant now = Instant.now();
            List<Document> batch = new ArrayList<>(1_000);
            for (int i = 0; i < toAdd; i++) {
                Document copy = new Document(templates.get(i % templates.size()));
                Instant reported = now.minus(Duration.ofMinutes(30 + (long) i * 700 * 24 * 60 / toAdd));
                copy.put("_id", UUID.randomUUID().toString());
                copy.put("number", String.format("12345-FILL-%06d", i + 1 + present));
                copy.put("reportedAt", java.util.Date.from(reported));
                copy.put("updatedAt", java.util.Date.from(reported.plus(Duration.ofDays(3))));
                copy.put("version", 1L);
                copy.remove("outbox");
                copy.remove("outboxLease");
                copy.remove("slaCheckAt");
                copy.remove("possibleDuplicateOf");
                batch.add(copy);
                if (batch.size() == 1_000) {
                    cases.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                cases.insertMany(batch, new InsertManyOptions().ordered(false));
            }
            System.out.printf("Added %d closed cases (copies of %d) in %.1f s: the store holds %d cases%n", toAdd,
                    templates.size(), (System.nanoTime() - started) / 1e9, cases.countDocuments());
        }
    }
}
