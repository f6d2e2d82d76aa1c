package org.grassroots.caseservice.sla;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a stage of a case may take, as set on its category: a whole number of working hours
 * (工作时), working days (工作日), or minutes around the clock for the emergency tier.
 *
 * <p>Written as the amount followed by one letter, which is what {@link #parse} reads and
 * {@link #toString} prints:
 * <ul>
 *   <li>{@code 4h}: 4 working hours;</li>
 *   <li>{@code 3d}: 3 working days;</li>
 *   <li>{@code 10m}: 10 minutes around the clock, nights and holidays included.</li>
 * </ul>
 * Note that {@code h} and {@code d} count working time only: {@code 24h} is more than three working
 * days. An around-the-clock limit longer than an hour is written in minutes ({@code 1440m}).
 *
 * @param amount how many units, at least 1 and at most the unit's {@link Unit#maximum()}
 * @param unit   what is counted
 */
public record TimeLimit(int amount, Unit unit) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})([hdm])");

    /** What a time limit counts. */
    public enum Unit {
        /** Hours of working time on the working calendar. At most 2000 (about a working year). */
        WORKING_HOURS("h", 2_000),
        /** Working days on the working calendar, each a full working day of working time. At most 250 (a working year). */
        WORKING_DAYS("d", 250),
        /** Minutes around the clock, whatever the calendar says: the emergency tier. At most one week. */
        MINUTES("m", 7 * 24 * 60);

        private final String symbol;
        private final int maximum;

        Unit(String symbol, int maximum) {
            this.symbol = symbol;
            this.maximum = maximum;
        }

        /** The letter after the amount, e.g. {@code h}. */
        public String symbol() {
            return symbol;
        }

        /** The largest amount that still looks like a deliberate setting rather than a typo. */
        public int maximum() {
            return maximum;
        }
    }

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1) {
            throw new IllegalArgumentException("a time limit must be positive but was " + amount + unit.symbol);
        }
        if (amount > unit.maximum) {
            throw new IllegalArgumentException("a time limit of " + amount + unit.symbol + " is more than the "
                    + unit.maximum + unit.symbol + " allowed for " + unit);
        }
    }

    public static TimeLimit workingHours(int hours) {
        return new TimeLimit(hours, Unit.WORKING_HOURS);
    }

    public static TimeLimit workingDays(int days) {
        return new TimeLimit(days, Unit.WORKING_DAYS);
    }

    public static TimeLimit minutes(int minutes) {
        return new TimeLimit(minutes, Unit.MINUTES);
    }

    /** Reads {@code 4h}, {@code 3d} or {@code 10m}; surrounding spaces are ignored. */
    public static TimeLimit parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("time limit '" + text + "' is not understood: write a whole number"
                    + " followed by h (working hours), d (working days) or m (minutes around the clock),"
                    + " e.g. 4h, 3d or 10m");
        }
        int amount = Integer.parseInt(matcher.group(1));
        return switch (matcher.group(2)) {
            case "h" -> workingHours(amount);
            case "d" -> workingDays(amount);
            default -> minutes(amount);
        };
    }

    /** Whether the limit ignores the working calendar and counts every minute. */
    public boolean runsAroundTheClock() {
        return unit == Unit.MINUTES;
    }

    /**
     * The limit as an amount of working time on {@code calendar}: a working day is
     * {@link WorkingCalendar#workingDayLength()} long. Minutes are taken as they are; pair a limit that
     * {@link #runsAroundTheClock()} with {@link WorkingCalendar#ALWAYS}, as {@link SlaClock} does.
     */
    public Duration workingTimeOn(WorkingCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        return switch (unit) {
            case WORKING_HOURS -> Duration.ofHours(amount);
            case WORKING_DAYS -> calendar.workingDayLength().multipliedBy(amount);
            case MINUTES -> Duration.ofMinutes(amount);
        };
    }

    /** The form {@link #parse} reads, e.g. {@code 3d}. */
    @Override
    public String toString() {
        return amount + unit.symbol;
    }
}
