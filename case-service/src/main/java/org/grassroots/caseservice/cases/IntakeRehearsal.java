package org.grassroots.caseservice.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryCatalogue;
import org.grassroots.caseservice.intake.GridBoundaries;
import org.grassroots.caseservice.intake.Placement;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.platform.outbox.OutboxMessage;
import org.grassroots.platform.outbox.OutboxMessages;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * A report filed the way intake files one, into a collection of its own that nobody reads: the
 * warm-up's ({@code web.IntakeWarmUp}) way of running intake's code before the first real report.
 * It takes the category from the catalogue and checks its answers, locates the point by the local
 * copy of the boundaries, asks for open cases nearby, makes the case and its {@code CaseReported}
 * event, encodes both as {@link AggregateStore} would, takes a number from a counter, writes the
 * document, reads it back and deletes it.
 * <p>
 * What it leaves alone is what makes a report visible: {@code cases} and its case numbers, the
 * outbox relay (its collection is not one the relay watches, and no event is handed to Kafka), the
 * list of open cases nearby, grid-service. {@link #cleanUp} drops its collection (one of its own per
 * instance, {@code intake_warm_up_<8 hex digits>}: one left behind by a process killed during its
 * warm-up holds at most a few documents and may be dropped).
 */
@Component
public class IntakeRehearsal {

    static final String COLLECTION_PREFIX = "intake_warm_up_";
    private static final String NUMBER_COUNTER = "number";
    private static final int NUMBER_ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final CategoryCatalogue categories;
    private final GridBoundaries boundaries;
    private final OpenCasesNearby duplicates;
    private final OutboxMessages messages;
    private final CaseIndexes indexes;
    private final Clock clock;
    private final WorkingCalendar calendar;
    /** This instance's own: two instances warming up at once never meet, nor drop each other's. */
    private final String collection = COLLECTION_PREFIX + UUID.randomUUID().toString().substring(0, 8);

    IntakeRehearsal(MongoTemplate mongo, CategoryCatalogue categories, GridBoundaries boundaries,
            OpenCasesNearby duplicates, OutboxMessages messages, CaseIndexes indexes, Clock clock,
            WorkingCalendar calendar) {
        this.mongo = mongo;
        this.categories = categories;
        this.boundaries = boundaries;
        this.duplicates = duplicates;
        this.messages = messages;
        this.indexes = indexes;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** What a rehearsal reports: an active category of the catalogue, and a point inside a grid when one is known. */
    public record Sample(String categoryCode, GeoPoint point) {
    }

    /**
     * The sample to rehearse with, after giving the rehearsal's collection the indexes of
     * {@code cases} (so that the store keeps as many up to date on each write); empty when the
     * catalogue has no active category.
     */
    public Optional<Sample> prepare() {
        Optional<Category> category = categories.list(false).stream().filter(Category::isActive).findFirst();
        if (category.isEmpty()) {
            return Optional.empty();
        }
        MongoCollection<Document> rehearsals = mongo.getCollection(collection);
        List<IndexModel> models = new ArrayList<>();
        for (StoreIndex index : indexes.indexes()) {
            if (index.collection().equals(CaseIndexes.CASES)) {
                models.add(new IndexModel(index.keyDocument(),
                        new IndexOptions().name(index.name()).unique(index.unique()).sparse(index.sparse())));
            }
        }
        rehearsals.createIndexes(models);
        GeoPoint point = boundaries.somePointInside().orElse(new GeoPoint(119.0213, 33.6012));
        return Optional.of(new Sample(category.get().code(), point));
    }

    /** One report of {@code description} at the sample's place, filed into the rehearsal's collection and taken out again. */
    public Case rehearse(Sample sample, String description, Map<String, Object> answers) {
        Category category = categories.forIntake(sample.categoryCode());
        if (!category.checkAnswers(answers).isEmpty()) {
            throw new IllegalStateException("The warm-up's answers do not fit " + category.code());
        }
        Placement placement = boundaries.locate(sample.point())
                .orElseGet(() -> Placement.unlocated("the warm-up does not ask grid-service"));
        String orgPath = placement.isLocated() ? placement.orgPath() : "/unlocated";
        String communityId = placement.isLocated() ? placement.communityId() : OrgPaths.community(orgPath);
        String duplicateOf = duplicates.nearestOpen(category.code(), OpenCasesNearby.areaOf(communityId, orgPath),
                sample.point()).orElse(null);
        Case.NewReport report = new Case.NewReport(category.code(), description, sample.point(), "warm-up",
                Channel.RESIDENT_APP, "warm-up", orgPath, false);
        Instant now = clock.instant();
        String id = "warm-up-" + UUID.randomUUID();
        MongoCollection<Document> rehearsals = mongo.getCollection(collection);
        Document state;
        for (int attempt = 1; ; attempt++) {
            Case.Reported reported = Case.report(report, new Case.IntakeDetails(placement, duplicateOf, null), category,
                    id, number(), now, calendar);
            state = new Document();
            mongo.getConverter().write(CaseDocument.of(reported.aCase()), state);
            List<Document> outbox = new ArrayList<>();
            for (OutboxMessage message : messages.wrap(List.of(reported.event()))) {
                outbox.add(OutboxMessages.toDocument(message));
            }
            state.put(OutboxMessage.FIELD, outbox);
            try {
                rehearsals.insertOne(state);
                break;
            } catch (MongoWriteException taken) {
                // mongo-java-server (the tests' store) can answer two concurrent increments with the
                // same value; intake then takes the next number (CaseService), and so does its rehearsal.
                if (taken.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt == NUMBER_ATTEMPTS) {
                    throw taken;
                }
            }
        }
        Document stored = rehearsals.find(Filters.eq("_id", state.get("_id"))).first();
        rehearsals.deleteOne(Filters.eq("_id", state.get("_id")));
        if (stored == null) {
            throw new IllegalStateException("The warm-up's case was not stored");
        }
        return mongo.getConverter().read(CaseDocument.class, stored).toCase(calendar);
    }

    /** Drops the rehearsal's collection. */
    public void cleanUp() {
        mongo.getCollection(collection).drop();
    }

    /** A number as {@link CaseNumbers} takes one, from the rehearsal's own counter. */
    private String number() {
        Document counter = mongo.getCollection(collection).findOneAndUpdate(Filters.eq("_id", NUMBER_COUNTER),
                Updates.inc("next", 1L), new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return "GR-WARMUP-" + counter.get("next", Number.class).longValue();
    }
}
