package org.grassroots.caseservice.calendars;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.grassroots.caseservice.cases.SlaScanner;
import org.grassroots.caseservice.sla.ChinaCalendar2026;
import org.grassroots.caseservice.sla.HolidayYear;
import org.grassroots.caseservice.sla.HolidayYears;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The holiday calendars per year, stored in {@code holiday_calendars} and read by the working
 * calendar through {@link HolidayYears}. At start the years the code knows ({@link ChinaCalendar2026})
 * are seeded when missing (an administrator's entries are never overwritten), then every instance
 * loads them; an instance reloads after its own change at once and others' every minute.
 *
 * <p>A change moves the deadlines of the running cases whose clocks reach into that year: they are
 * read with the new calendar at once, and the SLA scanner checks each of them again once every
 * instance has reloaded, so a threshold that now comes earlier is reported on time.
 */
@Service
@EnableConfigurationProperties(CalendarsProperties.class)
public class HolidayCalendars implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(HolidayCalendars.class);

    private final MongoTemplate mongo;
    private final HolidayYears years;
    private final Clock clock;
    private final SlaScanner scanner;
    private final Duration reloadEvery;

    HolidayCalendars(MongoTemplate mongo, HolidayYears years, Clock clock, SlaScanner scanner,
            CalendarsProperties properties) {
        this.mongo = mongo;
        this.years = years;
        this.clock = clock;
        this.scanner = scanner;
        this.reloadEvery = properties.reload();
    }

    @Override
    public void afterPropertiesSet() {
        seed(ChinaCalendar2026.year());
        reload();
    }

    private void seed(HolidayYear year) {
        try {
            mongo.insert(HolidayCalendarDocument.of(year, "seed", clock.instant()));
            log.info("Holiday calendar {} seeded from the State Council's notice the code knows", year.year());
        } catch (DuplicateKeyException already) {
            // Entered before (seeded or by an administrator): leave it as it is.
        }
    }

    /** Reads every stored year into the working calendar's snapshot. */
    @Scheduled(fixedDelayString = "${grassroots.calendars.reload:PT1M}",
            initialDelayString = "${grassroots.calendars.reload:PT1M}")
    public void reload() {
        years.replaceAll(mongo.find(new Query().with(Sort.by("_id")), HolidayCalendarDocument.class).stream()
                .map(HolidayCalendarDocument::toYear).toList());
    }

    public List<HolidayYear> all() {
        return years.all();
    }

    /** The year's calendar, or 404 saying that deadlines in it count weekends only. */
    public HolidayYear get(int year) {
        return find(year).orElseThrow(() -> notConfigured(year));
    }

    public Optional<HolidayYear> find(int year) {
        return Optional.ofNullable(mongo.findById(year, HolidayCalendarDocument.class))
                .map(HolidayCalendarDocument::toYear);
    }

    /** Enters (or replaces) a year's holidays, already checked by {@link HolidayYear#parse}. */
    public HolidayYear put(HolidayYear year, Caller caller) {
        mongo.save(HolidayCalendarDocument.of(year, caller.userId(), clock.instant()));
        reload();
        log.info("Holiday calendar {} entered: {} holidays, {} make-up working days", year.year(),
                year.holidays().size(), year.makeUpWorkdays().size());
        recheckDeadlinesIn(year.year());
        return year;
    }

    /** Takes a year's holidays out: deadlines in it count weekends only again. */
    public void remove(int year) {
        if (mongo.remove(Query.query(Criteria.where("_id").is(year)),
                HolidayCalendarDocument.class).getDeletedCount() == 0) {
            throw notConfigured(year);
        }
        reload();
        recheckDeadlinesIn(year);
    }

    /**
     * Thresholds before the year are unchanged (working time before it does not depend on it); the
     * day before 1 January in UTC covers every zone a district may be in.
     */
    private void recheckDeadlinesIn(int year) {
        long cases = scanner.recheckFrom(LocalDate.of(year, 1, 1).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                clock.instant().plus(reloadEvery).plusSeconds(5));
        log.info("Holiday calendar {} changed: {} running case(s) get their time limits checked again", year, cases);
    }

    private static NotFoundException notConfigured(int year) {
        return new NotFoundException("The holidays of " + year + " are not configured: deadlines in " + year
                + " count weekends only until a district administrator enters them (PUT /api/calendars/" + year + ")");
    }
}
