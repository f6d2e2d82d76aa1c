package org.grassroots.caseservice.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.platform.domain.InvalidFieldException;

/**
 * One year's public holidays (法定节假日, every day off including the weekends inside them) and
 * make-up working days (调休上班), as a district administrator enters them from the State Council's
 * notice. {@link #parse} checks what was entered and refuses naming the field: a date that is not a
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
        List<HolidayPeriod> periods = new ArrayList<>();
        for (int i = 0; i < holidays.size(); i++) {
            Entry entry = holidays.get(i);
            String field = "holidays[" + i + "]";
            if (entry == null) {
                throw new InvalidFieldException(field, "is required");
            }
            if (entry.name() == null || entry.name().isBlank()) {
                throw new InvalidFieldException(field + ".name", "is required, e.g. 春节");
            }
            LocalDate from = dateIn(year, entry.from(), field + ".from");
            LocalDate to = dateIn(year, entry.to(), field + ".to");
            if (to.isBefore(from)) {
                throw new InvalidFieldException(field + ".to", "is before its first day " + from);
            }
            HolidayPeriod period = new HolidayPeriod(entry.name().strip(), from, to);
            for (HolidayPeriod earlier : periods) {
                if (earlier.overlaps(period)) {
                    throw new InvalidFieldException(field, "overlaps " + earlier.name() + " (" + earlier.from() + " to "
                            + earlier.to() + ")");
                }
            }
            periods.add(period);
        }
        List<LocalDate> workdays = new ArrayList<>();
        List<String> entered = makeUpWorkdays == null ? List.of() : makeUpWorkdays;
        for (int i = 0; i < entered.size(); i++) {
            String field = "makeUpWorkdays[" + i + "]";
            LocalDate day = dateIn(year, entered.get(i), field);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new InvalidFieldException(field, day + " is a " + day.getDayOfWeek()
                        + ", a working day anyway; a make-up working day is a Saturday or Sunday");
            }
            for (HolidayPeriod period : periods) {
                if (period.contains(day)) {
                    throw new InvalidFieldException(field, day + " lies inside " + period.name());
                }
            }
            if (workdays.contains(day)) {
                throw new InvalidFieldException(field, day + " is given twice");
            }
            workdays.add(day);
        }
        periods.sort(Comparator.comparing(HolidayPeriod::from));
        workdays.sort(Comparator.naturalOrder());
        return new HolidayYear(year, periods, workdays);
    }

    /** Every day off the holidays name. */
    public Set<LocalDate> daysOff() {
        return holidays.stream().flatMap(period -> period.days().stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static LocalDate dateIn(int year, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required, as a date such as " + year + "-10-01");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidFieldException(field, "'" + value + "' is not a date such as " + year + "-10-01");
        }
        if (day.getYear() != year) {
            throw new InvalidFieldException(field, day + " is not in " + year);
        }
        return day;
    }
}
