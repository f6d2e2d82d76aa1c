package org.grassroots.gridservice.pii;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.grassroots.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit log of unmasked reads: every response that shows an ID number or phone number in full
 * writes one entry (who, when, which households and persons, which fields, why), before the response
 * leaves. Entries name records by id only; the log line says the same, so logs never carry personal data.
 */
@Component
public class PiiAudit {

    public static final String COLLECTION = "pii_audit";
    private static final Logger log = LoggerFactory.getLogger(PiiAudit.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    PiiAudit(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void unmaskedRead(Caller caller, String purpose, List<String> householdIds, List<String> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        mongo.getCollection(COLLECTION).insertOne(new Document("at", Date.from(clock.instant()))
                .append("userId", caller.userId())
                .append("roles", List.copyOf(caller.roles()))
                .append("purpose", purpose)
                .append("householdIds", householdIds)
                .append("personIds", personIds)
                .append("fields", List.of("idNumber", "phone")));
        log.info("Unmasked personal data of {} person(s) in household(s) {} read by {} for {}", personIds.size(),
                householdIds, caller.userId(), purpose);
    }
}
