package org.grassroots.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.grassroots.contracts.EventEnvelope;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes claimed outboxes to Kafka: each document's events in the order they were written, with
 * an idempotent producer, so per aggregate they arrive in that order. Only what Kafka acknowledged
 * leaves the outbox; an event that was not acknowledged stops its aggregate there (a later one must
 * not overtake it) and is retried.
 */
final class OutboxPublisher {

    /** Time a held lease must still have, beyond the sends' own, to be used without a round trip. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private final OutboxClaims claims;
    private final Producer<String, byte[]> producer;
    private final Duration ackTimeout;
    private final Duration deliveryTimeout;
    private final Counter published;
    private final Timer lag;

    OutboxPublisher(OutboxClaims claims, Producer<String, byte[]> producer, OutboxProperties properties,
            MeterRegistry meters) {
        this.claims = claims;
        this.producer = producer;
        this.ackTimeout = properties.lease();
        this.deliveryTimeout = properties.deliveryTimeout();
        this.published = Counter.builder("grassroots.outbox.published")
                .description("Events the outbox relay published to Kafka").register(meters);
        this.lag = Timer.builder("grassroots.outbox.lag")
                .description("Time from an event's occurrence to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    /**
     * A document to publish: by its id alone (claimed here), or handed over by the store's write
     * with the outbox it wrote and the lease it took at {@code leasedAt}.
     */
    record Candidate(Object id, Instant leasedAt, List<OutboxMessage> outbox) {

        static Candidate byId(Object id) {
            return new Candidate(id, null, null);
        }

        boolean handedOver() {
            return outbox != null;
        }
    }

    /** What a round could not publish, told to the relay so that it looks again. */
    interface Leftovers {

        /** The document's lease is held (by another relay, or by this one for an earlier round still open). */
        void unclaimed(String collection, Object id);

        /** Not tried: Kafka refused an earlier send outright, and this one would only wait in vain. */
        void unreached(String collection, Candidate candidate);
    }

    /**
     * Takes each of {@code candidates} in collection {@code name} (a handed-over outbox as it is, the
     * documents named by their ids by one claim of them all), sends all their events, then waits for the
     * acknowledgements and settles every document in one bulk write.
     *
     * @return the number of events published
     * @throws IllegalStateException if Kafka did not acknowledge some event (all that it did
     *                               acknowledge are removed first)
     */
    int publish(String name, List<Candidate> candidates, Leftovers leftovers) {
        Instant now = Instant.now();
        List<Object> toRenew = new ArrayList<>();
        Set<Object> toClaim = new LinkedHashSet<>();
        for (Candidate candidate : candidates) {
            switch (leaseOf(candidate, now)) {
                case RENEW -> toRenew.add(candidate.id());
                case CLAIM -> toClaim.add(candidate.id());
                case HELD -> { }
            }
        }
        claims.renewAll(name, toRenew, now);
        Map<Object, List<OutboxMessage>> claimed = claims.claimAll(name, List.copyOf(toClaim), now);
        Map<Object, List<Send>> sends = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            List<OutboxMessage> pending = toClaim.contains(candidate.id()) ? claimed.get(candidate.id())
                    : candidate.outbox();
            if (pending == null) {
                leftovers.unclaimed(name, candidate.id());
                continue;
            }
            List<Send> documentSends = new ArrayList<>();
            sends.put(candidate.id(), documentSends);
            if (!sendAll(pending, documentSends)) {
                // Kafka is unreachable: every further send would wait out max.block.ms in vain.
                for (Candidate rest : candidates.subList(i + 1, candidates.size())) {
                    if (claimed.containsKey(rest.id()) || !toClaim.contains(rest.id())) {
                        // Held here (claimed, renewed or from the write): the settling gives the lease back,
                        // and the document is claimed again next time.
                        sends.put(rest.id(), List.of());
                        leftovers.unreached(name, Candidate.byId(rest.id()));
                    } else {
                        leftovers.unreached(name, rest);
                    }
                }
                break;
            }
        }
        return settle(name, sends);
    }

    private enum Lease { HELD, RENEW, CLAIM }

    /**
     * How this relay comes to hold {@code candidate}'s lease for at least the producer's delivery
     * timeout from now: a handed-over outbox whose lease still has that long to run and more is
     * held already; one whose lease has run for a while (the relay was behind, or Kafka away) is
     * renewed first, with the others of the round in one write, so the lease outlasts every retry of
     * the sends; one about to run out, and a document named by id, are claimed.
     */
    private Lease leaseOf(Candidate candidate, Instant now) {
        if (!candidate.handedOver()) {
            return Lease.CLAIM;
        }
        Duration left = claims.leaseLength().minus(Duration.between(candidate.leasedAt(), now));
        if (left.compareTo(deliveryTimeout.plus(MARGIN)) >= 0) {
            return Lease.HELD;
        }
        return left.compareTo(MARGIN) >= 0 ? Lease.RENEW : Lease.CLAIM;
    }

    /** Sends a document's events in order; false as soon as Kafka refuses one outright. */
    private boolean sendAll(List<OutboxMessage> pending, List<Send> sends) {
        for (OutboxMessage message : pending) {
            Future<RecordMetadata> result = send(message);
            sends.add(new Send(message, result));
            if (result.isDone() && failed(result)) {
                return false;
            }
        }
        return true;
    }

    /** Waits for the acknowledgements, then removes what was acknowledged and gives every lease back in one write. */
    private int settle(String name, Map<Object, List<Send>> sends) {
        int count = 0;
        RuntimeException failure = null;
        List<UpdateOneModel<Document>> released = new ArrayList<>(sends.size());
        for (Map.Entry<Object, List<Send>> entry : sends.entrySet()) {
            List<String> acknowledged = new ArrayList<>();
            for (Send send : entry.getValue()) {
                try {
                    send.result().get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(send.message().eventId());
                    lag.record(Duration.between(send.message().time(), Instant.now()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("Interrupted while publishing", e);
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    failure = new IllegalStateException("Kafka did not acknowledge event "
                            + send.message().eventId() + ": " + OutboxRelay.rootMessage(e), e);
                    break;
                }
            }
            released.add(new UpdateOneModel<>(Filters.eq("_id", entry.getKey()), claims.published(acknowledged)));
            count += acknowledged.size();
        }
        if (!released.isEmpty()) {
            claims.collection(name).bulkWrite(released, new BulkWriteOptions().ordered(false));
        }
        published.increment(count);
        if (failure != null) {
            throw failure;
        }
        return count;
    }

    private Future<RecordMetadata> send(OutboxMessage message) {
        try {
            return producer.send(record(message));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean failed(Future<RecordMetadata> result) {
        try {
            result.get();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private static ProducerRecord<String, byte[]> record(OutboxMessage message) {
        // The record's timestamp is left to the producer (the time of publishing): the event's own
        // time travels in ce_time, and a timestamp from the event could lie outside what the broker
        // accepts (more than an hour ahead) or make time-based retention drop it at once.
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), null, null,
                message.subject(), message.payload().getBytes(StandardCharsets.UTF_8));
        EventEnvelope envelope = new EventEnvelope(message.eventId(), message.type(), message.source(), message.time(),
                message.subject(), message.correlationId());
        envelope.toHeaders().forEach((header, value) ->
                record.headers().add(new RecordHeader(header, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private record Send(OutboxMessage message, Future<RecordMetadata> result) {
    }
}
