package org.grassroots.caseservice.calendars;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.grassroots.caseservice.sla.HolidayPeriod;
import org.grassroots.caseservice.sla.HolidayYear;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One year's holidays as stored, keyed by the year, with who entered them last and when. */
@Document(HolidayCalendarDocument.COLLECTION)
record HolidayCalendarDocument(@Id int year, List<HolidayPeriod> holidays, List<LocalDate> makeUpWorkdays,
        String updatedBy, Instant updatedAt) {

    static final String COLLECTION = "holiday_calendars";

    static HolidayCalendarDocument of(HolidayYear year, String by, Instant at) {
        return new HolidayCalendarDocument(year.year(), year.holidays(), year.makeUpWorkdays(), by, at);
    }

    HolidayYear toYear() {
        return new HolidayYear(year, holidays, makeUpWorkdays);
    }
}
