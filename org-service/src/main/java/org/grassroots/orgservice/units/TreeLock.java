package org.grassroots.orgservice.units;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.lease.FieldLease;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * One lease over the whole organisation tree, so that structural changes happen one at a time.
 *
 * <p>Why a tree-level lock: a move rewrites the path of every unit in a subtree, and its validity
 * (the new parent must not lie in that subtree) depends on the paths of units other than the one
 * moved. Versions on single documents cannot protect such a multi-document invariant without
 * transactions, which the embedded store does not have: two moves A→under B and B→under A each
 * pass their own check on a snapshot and together make a cycle. So every change to units (create,
 * rename, retire, move, import) holds this lease, taken with one conditional single-document update
 * on {@code tree_locks} (a {@link FieldLease}); reads never wait. Org trees change rarely and each change takes
 * milliseconds, so serialising them costs nothing noticeable. Versions on each unit remain: they
 * turn a client's stale read into a 409, and guard against a holder whose lease ran out mid-work.
 *
 * <p>A move records what it is doing ({@code pendingMove}) before it rewrites descendants, and an
 * import its id ({@code pendingImport}) before it writes, so if the process dies half-way, the next
 * holder finishes that work before doing anything else.
 */
@Component
@EnableConfigurationProperties(TreeLockProperties.class)
public class TreeLock {

    static final String COLLECTION = "tree_locks";
    private static final String TREE = "org-tree";
    /** The lease field of the tree's lock document. */
    static final String LEASE = "lease";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final FieldLease lease;
    private final Duration wait;

    TreeLock(MongoTemplate mongo, Clock clock, TreeLockProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = new FieldLease(LEASE, properties.lease());
        this.wait = properties.waitFor();
    }

    /** What a holder that died left half-done: rewrite paths under {@code from} to {@code to}. */
    public record PendingMove(String from, String to) {
    }

    /** Finishes what a holder that died left half-done. */
    public interface Recovery {

        void finishMove(PendingMove move);

        void finishImport(String importId);
    }

    /** A held lease. */
    public interface Held {

        /** Notes an import before it writes. */
        void importing(String importId);

        /** The import finished. */
        void imported();

        /** Notes a move before its descendants are rewritten. */
        void moving(PendingMove move);

        /** The move finished. */
        void moved();

        /** Extends the lease during long work (an import). */
        void renew();
    }

    /**
     * Runs {@code work} holding the tree lease; waits up to the configured time for another holder.
     *
     * @param recovery finishes a move a dead holder left half-done
     */
    public <T> T hold(Recovery recovery, Function<Held, T> work) {
        String holder = UUID.randomUUID().toString();
        Document acquired = acquire(holder);
        Held held = new LeaseHolder(holder);
        try {
            Document pending = acquired.get("pendingMove", Document.class);
            if (pending != null) {
                recovery.finishMove(new PendingMove(pending.getString("from"), pending.getString("to")));
                held.moved();
            }
            String pendingImport = acquired.getString("pendingImport");
            if (pendingImport != null) {
                recovery.finishImport(pendingImport);
                held.imported();
            }
            return work.apply(held);
        } finally {
            lease.release(locks(), TREE, holder);
        }
    }

    public <T> T hold(Recovery recovery, Supplier<T> work) {
        return hold(recovery, held -> work.get());
    }

    private Document acquire(String holder) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 5;
        while (true) {
            Instant now = clock.instant();
            Document taken = lease.take(locks(), TREE, null, holder, now, null);
            if (taken != null) {
                return taken;
            }
            if (createIfMissing(holder, now)) {
                return new Document("_id", TREE);
            }
            if (System.nanoTime() > deadline) {
                throw new InvalidStateException(
                        "The organisation tree is being changed by someone else; try again shortly");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the tree lock", e);
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    private boolean createIfMissing(String holder, Instant now) {
        try {
            locks().insertOne(new Document("_id", TREE).append(LEASE, lease.holding(holder, now)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private MongoCollection<Document> locks() {
        return mongo.getCollection(COLLECTION);
    }

    private final class LeaseHolder implements Held {

        private final String holder;

        LeaseHolder(String holder) {
            this.holder = holder;
        }

        @Override
        public void moving(PendingMove move) {
            mine(Updates.set("pendingMove", new Document("from", move.from()).append("to", move.to())));
        }

        @Override
        public void moved() {
            mine(Updates.unset("pendingMove"));
        }

        @Override
        public void importing(String importId) {
            mine(Updates.set("pendingImport", importId));
        }

        @Override
        public void imported() {
            mine(Updates.unset("pendingImport"));
        }

        @Override
        public void renew() {
            if (!lease.renew(locks(), TREE, holder, clock.instant())) {
                throw ranOut();
            }
        }

        private void mine(Bson update) {
            long matched = locks().updateOne(Filters.and(Filters.eq("_id", TREE), lease.heldBy(holder)), update)
                    .getMatchedCount();
            if (matched == 0) {
                throw ranOut();
            }
        }

        private static VersionConflictException ranOut() {
            return new VersionConflictException("The tree lock ran out while changing the tree; reload and try again");
        }
    }
}
