package org.grassroots.caseservice.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.bson.Document;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Case numbers people can read out on the phone: {@code GR-20261121-000042}, counted per day in
 * the district's time zone ({@code grassroots.district.zone}, the working calendar's). One atomic
 * increment per number, safe with several instances.
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ZoneId zone;

    CaseNumbers(MongoTemplate mongo, Clock clock, WorkingCalendar calendar) {
        this.mongo = mongo;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    String next() {
        String day = LocalDate.now(clock.withZone(zone)).format(DAY);
        String sequence = Long.toString(increment(mongo.getCollection("case_numbers"), day));
        return "GR-" + day + "-" + "0".repeat(Math.max(0, 6 - sequence.length())) + sequence;
    }

    /** One atomic increment of the counter {@code key} in {@code counters}, made at 1 if missing; its new value. */
    static long increment(MongoCollection<Document> counters, String key) {
        Document counter = counters.findOneAndUpdate(new Document("_id", key), Updates.inc("next", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("next", Number.class).longValue();
    }
}
