package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bson.Document;
import org.grassroots.caseservice.intake.Distance;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Finds an open case of the same category within {@value #RADIUS_METRES} m of a new report, so the
 * report is linked to it as a possible duplicate (FixMyStreet's "already reported nearby"), in the
 * same community (or, for a case outside any community, the same org path).
 *
 * <p>Neither store is asked a geo query (the embedded one has none), nor a query it would answer by
 * reading every case: the open cases are kept by place in {@value #COLLECTION}, one document per
 * category and cell of {@value #CELL_LAT}° latitude × {@value #CELL_LON}° longitude (at least 55 m ×
 * 50 m anywhere up to 63° latitude; further north more columns are read), each listing the open
 * cases reported in it. A report reads the cells within the radius by their ids (one query the
 * store answers from its primary index), works out the distances here, and confirms the nearest
 * candidate is still open by reading that case by id. Both reads run for every report, so they ask
 * the driver for plain documents: mapping them to records cost more CPU than the reads themselves.
 *
 * <p>Only original reports are listed: a report linked to an earlier one is not itself a candidate,
 * so a place with many reports of one problem links them all to the first, and a cell holds at most
 * a handful of entries however many residents report the same heap of rubbish. {@link CaseRepository}
 * keeps the list: a case enters it when reported (unless linked), reopened or resumed, and leaves it
 * when closed, cancelled or parked. The list and the case are two writes without a transaction: a
 * case that left the open states without leaving the list is found stale by the confirming read and
 * removed then; a case that never entered it (the service stopped between the two writes) is not
 * offered as a duplicate, which only costs a dispatcher the hint.
 */
@Component
class OpenCasesNearby {

    static final double RADIUS_METRES = 50;
    static final String COLLECTION = "case_cells";
    private static final String CASES = "cases";
    /** The mark that every open case has been listed once. */
    private static final String COMPLETE = "~complete";
    private static final List<CaseStatus> OPEN_STATUSES = Arrays.stream(CaseStatus.values()).filter(Case::isOpen).toList();
    private static final Logger log = LoggerFactory.getLogger(OpenCasesNearby.class);
    static final double CELL_LAT = 0.0005;
    static final double CELL_LON = 0.001;
    private static final double METRES_PER_DEGREE = 111_320;
    /** Far north a cell is narrow; never read more than this many columns each side. */
    private static final int MAX_COLUMNS_EACH_SIDE = 20;

    private final MongoTemplate mongo;

    OpenCasesNearby(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The nearest open case of {@code categoryCode} within the radius of {@code point} in
     * {@code area} (a community id, or the org path of a case outside any community).
     */
    Optional<String> nearestOpen(String categoryCode, String area, GeoPoint point) {
        if (point == null || area == null) {
            return Optional.empty();
        }
        List<Near> candidates = new ArrayList<>();
        for (Document cell : mongo.getCollection(COLLECTION).find(Filters.in("_id", cellsAround(categoryCode, point)))) {
            for (Document listed : cell.getList("cases", Document.class, List.of())) {
                Entry entry = Entry.of(listed);
                double metres = Distance.metres(point, entry.point());
                if (area.equals(entry.area()) && metres <= RADIUS_METRES) {
                    candidates.add(new Near(entry, metres));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Near::metres));
        for (Near candidate : candidates) {
            if (stillOpen(candidate.entry().caseId())) {
                return Optional.of(candidate.entry().caseId());
            }
            leave(categoryCode, candidate.entry());
        }
        return Optional.empty();
    }

    /** Lists {@code aCase} by its place, if it is open, located by a point, and not linked to another. */
    void enter(Case aCase) {
        Entry entry = entryOf(aCase);
        if (entry != null && aCase.isOpen() && aCase.possibleDuplicateOf() == null) {
            list(aCase.categoryCode(), entry);
        }
    }

    private void list(String categoryCode, Entry entry) {
        mongo.upsert(Query.query(Criteria.where("_id").is(cellOf(categoryCode, entry.point()))),
                new Update().addToSet("cases", entry), COLLECTION);
    }

    /** Takes {@code aCase} off the list of its place (nothing happens if it was not on it). */
    void leave(Case aCase) {
        Entry entry = entryOf(aCase);
        if (entry != null) {
            leave(aCase.categoryCode(), entry);
        }
    }

    private void leave(String categoryCode, Entry entry) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(cellOf(categoryCode, entry.point()))),
                new Update().pull("cases", Query.query(Criteria.where("caseId").is(entry.caseId()))), COLLECTION);
    }

    private boolean stillOpen(String caseId) {
        Document found = mongo.getCollection(CASES).find(Filters.eq("_id", caseId))
                .projection(Projections.include("status")).first();
        return found != null && Case.isOpen(CaseStatus.valueOf(found.getString("status")));
    }

    /**
     * Lists every open case once, when the store has no complete list yet (a store from before the
     * list existed, or one whose first listing was interrupted). Adding is idempotent, so several
     * instances starting at once do no harm.
     */
    @EventListener(ApplicationReadyEvent.class)
    void listOpenCasesOnce() {
        if (mongo.exists(Query.query(Criteria.where("_id").is(COMPLETE)), COLLECTION)) {
            return;
        }
        Query open = Query.query(new Criteria().andOperator(Criteria.where("status").in(OPEN_STATUSES),
                Criteria.where("possibleDuplicateOf").is(null), Criteria.where("lon").ne(null)));
        open.fields().include("_id", "categoryCode", "lon", "lat", "communityId", "orgPath");
        long listed = 0;
        try (Stream<Listed> cases = mongo.stream(open, Listed.class, CASES)) {
            for (Listed each : (Iterable<Listed>) cases::iterator) {
                String area = areaOf(each.communityId(), each.orgPath());
                if (area != null && each.lat() != null) {
                    list(each.categoryCode(), new Entry(each.id(), each.lon(), each.lat(), area));
                    listed++;
                }
            }
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(COMPLETE)), new Update().set("listedAt", Instant.now()),
                COLLECTION);
        log.info("Listed {} open cases by place for the duplicate search", listed);
    }

    private static Entry entryOf(Case aCase) {
        GeoPoint point = aCase.location();
        String area = areaOf(aCase.communityId(), aCase.orgPath());
        return point == null || area == null ? null : new Entry(aCase.id(), point.lon(), point.lat(), area);
    }

    /** The area within which reports are compared: the community, or the org path outside any community. */
    static String areaOf(String communityId, String orgPath) {
        return communityId != null ? communityId : orgPath;
    }

    static String cellOf(String categoryCode, GeoPoint point) {
        return cellId(categoryCode, row(point.lat()), column(point.lon()));
    }

    /** Every cell holding some point within the radius of {@code point}. */
    static List<String> cellsAround(String categoryCode, GeoPoint point) {
        int row = row(point.lat());
        int column = column(point.lon());
        double cellWidthMetres = CELL_LON * METRES_PER_DEGREE
                * Math.cos(Math.toRadians(Math.min(89, Math.abs(point.lat()) + CELL_LAT)));
        int columns = (int) Math.min(MAX_COLUMNS_EACH_SIDE, Math.ceil(RADIUS_METRES / cellWidthMetres));
        List<String> ids = new ArrayList<>();
        for (int r = row - 1; r <= row + 1; r++) {
            for (int c = column - columns; c <= column + columns; c++) {
                ids.add(cellId(categoryCode, r, c));
            }
        }
        return ids;
    }

    private static int row(double lat) {
        return (int) Math.floor(lat / CELL_LAT);
    }

    private static int column(double lon) {
        return (int) Math.floor(lon / CELL_LON);
    }

    private static String cellId(String categoryCode, int row, int column) {
        return categoryCode + "|" + row + "|" + column;
    }

    /** One open case on its cell's list. */
    record Entry(String caseId, double lon, double lat, String area) {

        /** An entry read back from its cell, as the template wrote it when the case was listed. */
        static Entry of(Document listed) {
            return new Entry(listed.getString("caseId"), listed.getDouble("lon"), listed.getDouble("lat"),
                    listed.getString("area"));
        }

        GeoPoint point() {
            return new GeoPoint(lon, lat);
        }
    }

    private record Near(Entry entry, double metres) {
    }

    private record Listed(String id, String categoryCode, Double lon, Double lat, String communityId, String orgPath) {
    }
}
