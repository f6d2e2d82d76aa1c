package org.grassroots.platform.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * A lease kept in one field of a document, {@code {owner, until}}: whoever holds it may work on
 * the document (publish its outbox, check its time limits, change the organisation tree) while
 * other instances leave it alone, and a holder that dies loses it when {@code until} has passed.
 *
 * <p>One primitive for every lease of the platform, so that each is taken, renewed and given back
 * the same way, with single-document conditional updates only (no transactions, which the embedded
 * store does not have). Taking is a compare-and-set: first on "nobody holds it", which is the usual
 * case and one round trip; otherwise the current holding is read and replaced only if it has run out
 * and is still exactly what was read, so of two instances taking a lapsed lease at once exactly one
 * wins. Both conditions are equality on {@code _id} and the field: the store finds the document by
 * its {@code _id}.
 *
 * <p>Until carries the time a holding ends. A lease written by an earlier version of the outbox
 * relay was the bare date; it is read as a holding by nobody that ends then.
 */
public final class FieldLease {

    /** The holder's id within the lease field. */
    public static final String OWNER = "owner";
    /** The end of the holding within the lease field. */
    public static final String UNTIL = "until";

    private final String field;
    private final Duration length;

    /**
     * @param field  the document field the lease lives in
     * @param length how long a holding lasts unless renewed
     */
    public FieldLease(String field, Duration length) {
        this.field = field;
        this.length = length;
    }

    public String field() {
        return field;
    }

    public Duration length() {
        return length;
    }

    /** Matches the documents whose lease nobody holds now. */
    public Bson free(Instant now) {
        Date at = Date.from(now);
        return Filters.or(Filters.exists(field, false), Filters.eq(field, null),
                Filters.lt(field + "." + UNTIL, at), Filters.lt(field, at));
    }

    /** Matches the documents whose lease {@code owner} holds (or held, if it has run out unnoticed). */
    public Bson heldBy(String owner) {
        return Filters.eq(field + "." + OWNER, owner);
    }

    /** The field's value for a holding by {@code owner} from {@code now}. */
    public Document holding(String owner, Instant now) {
        return holding(owner, Date.from(now.plus(length)));
    }

    /** The field's value for a holding by {@code owner} until {@code until}. */
    public static Document holding(String owner, Date until) {
        return new Document(OWNER, owner).append(UNTIL, until);
    }

    /**
     * Takes the lease on the document {@code id} of {@code collection} if nobody holds it now and
     * it matches {@code also} (null for no further condition).
     *
     * @param projection what to return of the document (null: all of it)
     * @return the document after taking the lease, or null if it is held, gone or no longer matches
     */
    public Document take(MongoCollection<Document> collection, Object id, Bson also, String owner, Instant now,
            Bson projection) {
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        if (projection != null) {
            after.projection(projection);
        }
        Bson set = Updates.set(field, holding(owner, now));
        for (int attempt = 0; attempt < 2; attempt++) {
            Document taken = collection.findOneAndUpdate(where(id, null, also), set, after);
            if (taken != null) {
                return taken;
            }
            Document current = collection.find(where(id, also)).projection(Projections.include(field)).first();
            if (current == null) {
                return null;
            }
            Object holding = current.get(field);
            if (holding == null) {
                // Given back in between: try again, for what came since.
                continue;
            }
            Date until = untilOf(holding);
            if (until != null && !until.before(Date.from(now))) {
                return null;
            }
            return collection.findOneAndUpdate(where(id, holding, also), set, after);
        }
        return null;
    }

    /** Extends {@code owner}'s holding from {@code now}; false if it is no longer theirs. */
    public boolean renew(MongoCollection<Document> collection, Object id, String owner, Instant now) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id), heldBy(owner)),
                Updates.set(field, holding(owner, now))).getMatchedCount() == 1;
    }

    /** Gives {@code owner}'s holding back; false if it was no longer theirs. */
    public boolean release(MongoCollection<Document> collection, Object id, String owner) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id), heldBy(owner)), Updates.unset(field))
                .getModifiedCount() == 1;
    }

    /** Gives back the holdings of many documents at once, whoever holds them (for a caller that knows it does). */
    public Bson released() {
        return Updates.unset(field);
    }

    private Bson where(Object id, Object holding, Bson also) {
        Document exact = new Document("_id", id).append(field, holding);
        return also == null ? exact : Filters.and(exact, also);
    }

    private Bson where(Object id, Bson also) {
        Bson byId = Filters.eq("_id", id);
        return also == null ? byId : Filters.and(byId, also);
    }

    private static Date untilOf(Object holding) {
        if (holding instanceof Document document) {
            return document.getDate(UNTIL);
        }
        return holding instanceof Date date ? date : null;
    }
}
