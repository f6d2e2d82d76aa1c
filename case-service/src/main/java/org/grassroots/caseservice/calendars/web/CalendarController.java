package org.grassroots.caseservice.calendars.web;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.caseservice.calendars.HolidayCalendars;
import org.grassroots.caseservice.sla.HolidayPeriod;
import org.grassroots.caseservice.sla.HolidayYear;
import org.grassroots.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holiday calendars as data: each year's public holidays and make-up working days, entered by a
 * district administrator from the State Council's notice. A year not entered answers 404 saying
 * deadlines in it count weekends only; the case's stages say so too ({@code calendarWarning}).
 */
@RestController
@RequestMapping("/api/calendars")
class CalendarController {

    private static final String ADMIN = "hasAnyRole('district_admin', 'platform_admin')";

    private final HolidayCalendars calendars;

    CalendarController(HolidayCalendars calendars) {
        this.calendars = calendars;
    }

    /** A holiday as entered: name and first and last day off (ISO dates), checked by the domain so the refusal names the field. */
    record HolidayBody(String name, String from, String to) {
    }

    record PutCalendarRequest(List<HolidayBody> holidays, List<String> makeUpWorkdays) {
    }

    record CalendarResponse(int year, List<HolidayPeriod> holidays, List<LocalDate> makeUpWorkdays, int daysOff) {

        static CalendarResponse of(HolidayYear year) {
            return new CalendarResponse(year.year(), year.holidays(), year.makeUpWorkdays(), year.daysOff().size());
        }
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<CalendarResponse> all() {
        return calendars.all().stream().map(CalendarResponse::of).toList();
    }

    @GetMapping("/{year}")
    @PreAuthorize("isAuthenticated()")
    CalendarResponse get(@PathVariable int year) {
        return CalendarResponse.of(calendars.get(year));
    }

    @PutMapping("/{year}")
    @PreAuthorize(ADMIN)
    CalendarResponse put(@PathVariable int year, @RequestBody PutCalendarRequest request, Caller caller) {
        List<HolidayYear.Entry> entries = request.holidays() == null ? null : request.holidays().stream()
                .map(body -> body == null ? null : new HolidayYear.Entry(body.name(), body.from(), body.to())).toList();
        return CalendarResponse.of(calendars.put(HolidayYear.parse(year, entries, request.makeUpWorkdays()), caller));
    }

    @DeleteMapping("/{year}")
    @PreAuthorize(ADMIN)
    ResponseEntity<Void> remove(@PathVariable int year) {
        calendars.remove(year);
        return ResponseEntity.noContent().build();
    }
}
