package org.grassroots.caseservice.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;

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
 * list of open cases nearby, grid-service. {@link #cleanUp} drops its collection, one of its own per
 * instance: {@code intake_warm_up_<epoch second it was named>_<8 hex digits>}. One left behind by a
 * process killed during its warm-up holds at most a few documents; {@link #prepare} drops those named
 * more than an hour before (a warm-up lasts a minute at most), and leaves a younger one to the
 * instance that may still be warming up with it.
 */
@Component
public class IntakeRehearsal {

    static final String COLLECTION_PREFIX = "intake_warm_up_";
    private static final String NUMBER_COUNTER = "number";
    private static final int NUMBER_ATTEMPTS = 5;
    static final Duration LEFT_BEHIND_AFTER = Duration.ofHours(1);
    private static final Pattern COLLECTION_NAME = Pattern.compile(COLLECTION_PREFIX + "(\\d+)_[0-9a-f]{8}");
    private static final Logger log = LoggerFactory.getLogger(IntakeRehearsal.class);

    private final MongoTemplate mongo;
    private final CategoryCatalogue categories;
    private final GridBoundaries boundaries;
    private final OpenCasesNearby duplicates;
    private final OutboxMessages messages;
    private final CaseIndexes indexes;
    private final Clock clock;
    private final WorkingCalendar calendar;
    /** This instance's own: two instances warming up at once never meet, nor drop each other's. */
    private final String collection;

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
        this.collection = COLLECTION_PREFIX + clock.instant().getEpochSecond() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
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
        dropLeftBehind();
        MongoCollection<Document> rehearsals = mongo.getCollection(collection);
        List<IndexModel> models = new ArrayList<>();
        for (StoreIndex index : indexes.indexes()) {
            if (index.collection().equals(CaseIndexes.CASES)) {
                models.add(index.model());
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
            state.put(OutboxMessage.FIELD, OutboxMessages.toDocuments(messages.wrap(List.of(reported.event()))));
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

    /** Drops the rehearsal collections named more than {@link #LEFT_BEHIND_AFTER} ago: their processes died warming up. */
    private void dropLeftBehind() {
        long before = clock.instant().minus(LEFT_BEHIND_AFTER).getEpochSecond();
        int dropped = 0;
        for (String name : mongo.getCollectionNames()) {
            Matcher named = COLLECTION_NAME.matcher(name);
            if (named.matches() && Long.parseLong(named.group(1)) < before) {
                mongo.getCollection(name).drop();
                dropped++;
            }
        }
        if (dropped > 0) {
            log.info("Dropped {} warm-up collection(s) left behind by processes stopped during their warm-up", dropped);
        }
    }

    /** A number as {@link CaseNumbers} takes one, from the rehearsal's own counter. */
    private String number() {
        return "GR-WARMUP-" + CaseNumbers.increment(mongo.getCollection(collection), NUMBER_COUNTER);
    }
}
