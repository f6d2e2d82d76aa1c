package org.grassroots.caseservice.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * One year's public holidays (法定节假日, every day off including the weekends inside them) and
 * make-up working days (调休上班), as a district administrator enters them from the State Council's
 * notice. {@link #parse} checks what was entered and refuses naming every field that is wrong at once: a date that is not a
 * date or lies in another year, a holiday that ends before it starts or overlaps another, a make-up
 * day that is not a weekend day, falls inside a holiday or is given twice.
 */
public record HolidayYear(int year, List<HolidayPeriod> holidays, List<LocalDate> makeUpWorkdays) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public HolidayYear {
        holidays = List.copyOf(holidays);
        makeUpWorkdays = List.copyOf(makeUpWorkdays);
    }

    /** A holiday as entered: its name and first and last day as ISO dates (2026-02-15). */
    public record Entry(String name, String from, String to) {
    }

    public static HolidayYear parse(int year, List<Entry> holidays, List<String> makeUpWorkdays) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidFieldException("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        if (holidays == null || holidays.isEmpty()) {
            throw new InvalidFieldException("holidays", "must name at least one holiday of " + year);
        }
        // Every refusal at once, so that an administrator entering a whole notice corrects it in one go.
        List<FieldError> refusals = new ArrayList<>();
        List<HolidayPeriod> periods = holidays(year, holidays, refusals);
        List<LocalDate> workdays = makeUpWorkdays(year, makeUpWorkdays, periods, refusals);
        if (!refusals.isEmpty()) {
            throw new InvalidFieldException(refusals);
        }
        periods.sort(Comparator.comparing(HolidayPeriod::from));
        workdays.sort(Comparator.naturalOrder());
        return new HolidayYear(year, periods, workdays);
    }

    private static List<HolidayPeriod> holidays(int year, List<Entry> holidays, List<FieldError> refusals) {
        List<HolidayPeriod> periods = new ArrayList<>();
        for (int i = 0; i < holidays.size(); i++) {
            Entry entry = holidays.get(i);
            String field = "holidays[" + i + "]";
            if (entry == null) {
                refusals.add(new FieldError(field, "is required"));
                continue;
            }
            boolean named = entry.name() != null && !entry.name().isBlank();
            if (!named) {
                refusals.add(new FieldError(field + ".name", "is required, e.g. 春节"));
            }
            LocalDate from = dateIn(year, entry.from(), field + ".from", refusals);
            LocalDate to = dateIn(year, entry.to(), field + ".to", refusals);
            if (from == null || to == null) {
                continue;
            }
            if (to.isBefore(from)) {
                refusals.add(new FieldError(field + ".to", "is before its first day " + from));
                continue;
            }
            HolidayPeriod period = new HolidayPeriod(named ? entry.name().strip() : field, from, to);
            periods.stream().filter(earlier -> earlier.overlaps(period)).findFirst().ifPresent(earlier ->
                    refusals.add(new FieldError(field, "overlaps " + earlier.name() + " (" + earlier.from() + " to "
                            + earlier.to() + ")")));
            periods.add(period);
        }
        return periods;
    }

    private static List<LocalDate> makeUpWorkdays(int year, List<String> entered, List<HolidayPeriod> periods,
            List<FieldError> refusals) {
        List<LocalDate> workdays = new ArrayList<>();
        List<String> days = entered == null ? List.of() : entered;
        for (int i = 0; i < days.size(); i++) {
            String field = "makeUpWorkdays[" + i + "]";
            LocalDate day = dateIn(year, days.get(i), field, refusals);
            if (day == null) {
                continue;
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                refusals.add(new FieldError(field, day + " is a " + day.getDayOfWeek()
                        + ", a working day anyway; a make-up working day is a Saturday or Sunday"));
            } else if (workdays.contains(day)) {
                refusals.add(new FieldError(field, day + " is given twice"));
            } else {
                periods.stream().filter(period -> period.contains(day)).findFirst().ifPresentOrElse(
                        period -> refusals.add(new FieldError(field, day + " lies inside " + period.name())),
                        () -> workdays.add(day));
            }
        }
        return workdays;
    }

    /** Every day off the holidays name. */
    public Set<LocalDate> daysOff() {
        return holidays.stream().flatMap(period -> period.days().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** The date entered in {@code field}, or null after adding why it is refused. */
    private static LocalDate dateIn(int year, String value, String field, List<FieldError> refusals) {
        if (value == null || value.isBlank()) {
            refusals.add(new FieldError(field, "is required, as a date such as " + year + "-10-01"));
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            refusals.add(new FieldError(field, "'" + value + "' is not a date such as " + year + "-10-01"));
            return null;
        }
        if (day.getYear() != year) {
            refusals.add(new FieldError(field, day + " is not in " + year));
            return null;
        }
        return day;
    }
}
