package org.grassroots.gridservice.pii;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * The audit log of unmasked reads: every response that shows an ID number or phone number in full
 * writes one entry (who, when, which households and persons, which fields, why, and the org paths of
 * those households), before the response leaves. Entries name records by id only; the log line says the
 * same, so logs never carry personal data. District administrators read the entries of their area
 * ({@link #read}); entries written before org paths were recorded are read by platform administrators only.
 */
@Component
public class PiiAudit implements IndexedQueries {

    public static final String COLLECTION = "pii_audit";
    private static final Logger log = LoggerFactory.getLogger(PiiAudit.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    PiiAudit(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** One entry as the API shows it. */
    public record Entry(String id, Instant at, String userId, List<String> roles, String purpose,
            List<String> householdIds, List<String> personIds, List<String> fields) {
    }

    /** One page of entries, newest first. */
    /** read(): entries of an area, of a household or of a reader, newest first. */
    @Override
    public List<StoreIndex> indexes() {
        return List.of(StoreIndex.on(COLLECTION).ascending("orgPaths", "at").build(),
                StoreIndex.on(COLLECTION).ascending("householdIds", "at").build(),
                StoreIndex.on(COLLECTION).ascending("userId", "at").build());
    }

    /**
     * The entries a district administrator may read: those about households of their area, optionally of
     * one household or one reader; a platform administrator reads all.
     */
    public Page<Entry> read(Caller caller, String householdId, String userId, Paging paging) {
        if (!caller.isPlatformAdmin() && !caller.hasRole(Roles.DISTRICT_ADMIN)) {
            throw new ForbiddenException("The audit of personal data reads is for district administrators");
        }
        List<Bson> filters = new ArrayList<>();
        if (!caller.isPlatformAdmin()) {
            if (caller.orgPath() == null) {
                throw new ForbiddenException("A district administrator without an area reads no audit entries");
            }
            filters.add(Filters.regex("orgPaths", "^" + Pattern.quote(caller.orgPath()) + "(/|$)"));
        }
        if (householdId != null && !householdId.isBlank()) {
            filters.add(Filters.eq("householdIds", householdId));
        }
        if (userId != null && !userId.isBlank()) {
            filters.add(Filters.eq("userId", userId));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        var collection = mongo.getCollection(COLLECTION);
        List<Entry> items = new ArrayList<>();
        collection.find(filter).sort(Sorts.orderBy(Sorts.descending("at"), Sorts.ascending("_id")))
                .skip((int) paging.skip()).limit(paging.size()).forEach(d -> items.add(
                new Entry(String.valueOf(d.get("_id")), d.getDate("at").toInstant(), d.getString("userId"),
                        d.getList("roles", String.class, List.of()), d.getString("purpose"),
                        d.getList("householdIds", String.class, List.of()),
                        d.getList("personIds", String.class, List.of()), d.getList("fields", String.class, List.of()))));
        return Page.of(items, paging, collection.countDocuments(filter));
    }

    public void unmaskedRead(Caller caller, String purpose, List<String> householdIds, List<String> personIds,
            List<String> orgPaths) {
        if (personIds.isEmpty()) {
            return;
        }
        mongo.getCollection(COLLECTION).insertOne(new Document("at", Date.from(clock.instant()))
                .append("userId", caller.userId())
                .append("roles", List.copyOf(caller.roles()))
                .append("purpose", purpose)
                .append("householdIds", householdIds)
                .append("personIds", personIds)
                .append("orgPaths", orgPaths.stream().distinct().toList())
                .append("fields", List.of("idNumber", "phone")));
        log.info("Unmasked personal data of {} person(s) in household(s) {} read by {} for {}", personIds.size(),
                householdIds, caller.userId(), purpose);
    }
}
