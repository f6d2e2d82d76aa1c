package org.grassroots.caseservice.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When the offices handling cases work: the time zone, the working periods of a day, the working
 * weekdays, public holidays (法定节假日, not worked even on a weekday) and make-up working days
 * (调休上班, worked even on a weekend). Time limits in working hours (工作时) and working days (工作日)
 * are counted on it. Immutable; build one with {@link #builder()}.
 *
 * <p>Rules, chosen so that adding time and measuring time always agree
 * ({@code workingTimeBetween(s, plusWorkingTime(s, d)) == d}):
 * <ul>
 *   <li>Working time is the union of the working periods of every working day, each period taken as
 *       {@code [start, end)} in the calendar's zone. Nights, the lunch break, weekends and holidays
 *       do not count.</li>
 *   <li>Time added from a start outside working time begins at the next working period.</li>
 *   <li>When the time runs out exactly at the end of a period, the result is that end (12:00 or
 *       17:30), not the start of the next period: "by 17:30 Friday" rather than "by 08:30 Monday".
 *       Both are the same amount of working time away; the earlier one is what people expect, and it
 *       makes a deadline coincide with the moment the clock shows 100%.</li>
 *   <li>A working day is as long as the sum of the periods (7.5 hours by default), and
 *       {@link #plusWorkingDays} adds that many working hours per day. See there for what this means
 *       in calendar terms.</li>
 * </ul>
 *
 * <p>Every working day has the same periods; a holiday list only covers the years it was written
 * for, so the configuration needs the State Council's notice for each new year.
 */
public final class WorkingCalendar {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** The usual office day of a street or district office: 08:30-12:00 and 13:30-17:30. */
    public static final List<WorkingPeriod> DEFAULT_WORKING_PERIODS = List.of(
            new WorkingPeriod(LocalTime.of(8, 30), LocalTime.of(12, 0)),
            new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(17, 30)));

    public static final Set<DayOfWeek> DEFAULT_WORKING_WEEKDAYS =
            Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /**
     * Every instant is working time: for emergency limits that run around the clock, such as ten
     * minutes to dispatch a crew to a burst water main at 2 a.m. A working day here is 24 hours.
     */
    public static final WorkingCalendar ALWAYS = new WorkingCalendar(ZoneOffset.UTC, List.of(),
            Set.copyOf(EnumSet.allOf(DayOfWeek.class)), Set.of(), Set.of(), true);

    private final ZoneId zone;
    private final List<WorkingPeriod> workingPeriods;
    private final Set<DayOfWeek> workingWeekdays;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;
    private final boolean aroundTheClock;
    private final Duration workingDayLength;
    /** The holidays entered as data per year (/api/calendars), or null for a calendar of fixed days only. */
    private final HolidayYears years;

    private WorkingCalendar(ZoneId zone, List<WorkingPeriod> workingPeriods, Set<DayOfWeek> workingWeekdays,
            Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, boolean aroundTheClock) {
        this(zone, workingPeriods, workingWeekdays, holidays, makeUpWorkdays, aroundTheClock, null);
    }

    private WorkingCalendar(ZoneId zone, List<WorkingPeriod> workingPeriods, Set<DayOfWeek> workingWeekdays,
            Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, boolean aroundTheClock, HolidayYears years) {
        this.years = years;
        this.zone = zone;
        this.workingPeriods = workingPeriods;
        this.workingWeekdays = workingWeekdays;
        this.holidays = holidays;
        this.makeUpWorkdays = makeUpWorkdays;
        this.aroundTheClock = aroundTheClock;
        this.workingDayLength = aroundTheClock ? Duration.ofDays(1)
                : workingPeriods.stream().map(WorkingPeriod::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** A builder starting from the defaults: Asia/Shanghai, 08:30-12:00 and 13:30-17:30, Monday to Friday, no holidays. */
    public static Builder builder() {
        return new Builder();
    }

    /** A holiday is never a working day; a make-up day always is; any other day is one if its weekday is. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (aroundTheClock) {
            return true;
        }
        if (holidays.contains(date)) {
            return false;
        }
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        if (years != null) {
            Optional<Boolean> entered = years.workingDay(date);
            if (entered.isPresent()) {
                return entered.get();
            }
        }
        return workingWeekdays.contains(date.getDayOfWeek());
    }

    /**
     * The same calendar that also reads the holidays and make-up working days entered per year in
     * {@code years}; a year not entered there counts its weekdays only (see {@link #unconfiguredYears}).
     */
    public WorkingCalendar withHolidayYears(HolidayYears years) {
        return new WorkingCalendar(zone, workingPeriods, workingWeekdays, holidays, makeUpWorkdays, aroundTheClock,
                Objects.requireNonNull(years, "years"));
    }

    /**
     * The years between the two instants (in the calendar's zone) whose holidays are not entered, so
     * time counted across them takes weekends only: empty for a calendar without entered years and
     * for one that runs around the clock.
     */
    public List<Integer> unconfiguredYears(Instant from, Instant to) {
        if (years == null || aroundTheClock || from == null || to == null) {
            return List.of();
        }
        int first = dateOf(from).getYear();
        int last = Math.max(first, dateOf(to).getYear());
        List<Integer> missing = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            if (!years.isConfigured(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    /** Whether the instant lies inside a working period of a working day. */
    public boolean isWorkingTime(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (aroundTheClock) {
            return true;
        }
        LocalDate day = dateOf(instant);
        if (!isWorkingDay(day)) {
            return false;
        }
        for (WorkingPeriod period : workingPeriods) {
            if (!instant.isBefore(startOf(day, period)) && instant.isBefore(endOf(day, period))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instant at which {@code workingTime} of working time has passed after {@code start}.
     * Counting begins at the next working period when the start lies outside one. Zero working time
     * gives the start itself.
     */
    public Instant plusWorkingTime(Instant start, Duration workingTime) {
        Objects.requireNonNull(start, "start");
        requireNotNegative(workingTime, "workingTime");
        if (aroundTheClock) {
            return start.plus(workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        Duration remaining = workingTime;
        // Ends: the builder guarantees a working weekday and a non-empty period, and holidays are finite.
        for (LocalDate day = dateOf(start); ; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : workingPeriods) {
                Instant from = later(start, startOf(day, period));
                Instant periodEnd = endOf(day, period);
                if (!from.isBefore(periodEnd)) {
                    continue;
                }
                Duration available = Duration.between(from, periodEnd);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /**
     * The instant {@code days} working days after {@code start}. A working day is counted as a full
     * day's working time ({@link #workingDayLength()}), so this is
     * {@code plusWorkingTime(start, workingDayLength() × days)}. In calendar terms:
     * <ul>
     *   <li>a start inside working hours gives the same time of day {@code days} working days later
     *       (received Monday 10:00, 3 working days: Thursday 10:00);</li>
     *   <li>a start before the working day begins, at night, on a weekend or on a holiday gives the end
     *       of the last period of the {@code days}-th working day, counting the first working day that
     *       has not yet begun (received Saturday, 1 working day: Monday 17:30; received Monday 20:00:
     *       Tuesday 17:30; received Monday 07:00: Monday 17:30);</li>
     *   <li>a start in the lunch break counts from the afternoon period.</li>
     * </ul>
     * We chose this over the statutory "the first day is not counted, the limit ends at the end of the
     * last day" (期间开始的日不计算在内) because it makes a working-day limit exactly N working days of
     * working time, so pauses, extensions in hours and the 50/75/100% warnings all measure the same
     * thing and 100% is reached exactly at the deadline.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative but was " + days);
        }
        return plusWorkingTime(start, workingDayLength.multipliedBy(days));
    }

    /** The working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (aroundTheClock) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate lastDay = dateOf(to);
        for (LocalDate day = dateOf(from); !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkingPeriod period : workingPeriods) {
                Instant overlapStart = later(from, startOf(day, period));
                Instant overlapEnd = earlier(to, endOf(day, period));
                if (overlapStart.isBefore(overlapEnd)) {
                    total = total.plus(Duration.between(overlapStart, overlapEnd));
                }
            }
        }
        return total;
    }

    /** The working time of one working day: the sum of the periods, or 24 hours around the clock. */
    public Duration workingDayLength() {
        return workingDayLength;
    }

    public boolean isAroundTheClock() {
        return aroundTheClock;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<WorkingPeriod> workingPeriods() {
        return workingPeriods;
    }

    public Set<DayOfWeek> workingWeekdays() {
        return workingWeekdays;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> makeUpWorkdays() {
        return makeUpWorkdays;
    }

    @Override
    public String toString() {
        if (aroundTheClock) {
            return "WorkingCalendar[around the clock]";
        }
        return "WorkingCalendar[" + zone + ", " + workingPeriods + ", " + workingWeekdays.size() + " weekdays, "
                + holidays.size() + " holidays, " + makeUpWorkdays.size() + " make-up days]";
    }

    private LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant startOf(LocalDate day, WorkingPeriod period) {
        return day.atTime(period.start()).atZone(zone).toInstant();
    }

    private Instant endOf(LocalDate day, WorkingPeriod period) {
        return day.atTime(period.end()).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative but was " + duration);
        }
    }

    /** Collects the parts of a calendar; {@link #build()} checks that they make sense together. */
    public static final class Builder {

        private ZoneId zone = DEFAULT_ZONE;
        private List<WorkingPeriod> workingPeriods = DEFAULT_WORKING_PERIODS;
        private Set<DayOfWeek> workingWeekdays = DEFAULT_WORKING_WEEKDAYS;
        private Set<LocalDate> holidays = Set.of();
        private Set<LocalDate> makeUpWorkdays = Set.of();

        private Builder() {
        }

        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The periods of each working day, in any order; they must not overlap. */
        public Builder workingPeriods(List<WorkingPeriod> workingPeriods) {
            this.workingPeriods = List.copyOf(workingPeriods);
            return this;
        }

        public Builder workingWeekdays(Set<DayOfWeek> workingWeekdays) {
            this.workingWeekdays = Set.copyOf(workingWeekdays);
            return this;
        }

        /** Days off even when they fall on a working weekday (法定节假日 and the days moved next to them). */
        public Builder holidays(Collection<LocalDate> holidays) {
            this.holidays = Set.copyOf(holidays);
            return this;
        }

        /** Days worked even when they fall on a weekend (调休上班). */
        public Builder makeUpWorkdays(Collection<LocalDate> makeUpWorkdays) {
            this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
            return this;
        }

        public WorkingCalendar build() {
            // Without a working weekday or a period, adding working time would never end.
            if (workingPeriods.isEmpty()) {
                throw new IllegalArgumentException("a working calendar needs at least one working period");
            }
            if (workingWeekdays.isEmpty()) {
                throw new IllegalArgumentException("a working calendar needs at least one working weekday");
            }
            List<WorkingPeriod> sorted = new ArrayList<>(workingPeriods);
            sorted.sort(Comparator.comparing(WorkingPeriod::start));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                    throw new IllegalArgumentException("working periods " + sorted.get(i - 1) + " and " + sorted.get(i)
                            + " overlap");
                }
            }
            Set<LocalDate> both = new HashSet<>(holidays);
            both.retainAll(makeUpWorkdays);
            if (!both.isEmpty()) {
                throw new IllegalArgumentException("days cannot be both a holiday and a make-up working day: "
                        + both.stream().sorted().toList());
            }
            return new WorkingCalendar(zone, List.copyOf(sorted), workingWeekdays, holidays, makeUpWorkdays, false);
        }
    }
}
