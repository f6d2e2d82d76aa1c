package org.grassroots.evaluationservice.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar periods statistics are counted in, with the labels they are reported under:
 * {@code 2026-03-18}, {@code 2026-W12} (ISO week), {@code 2026-03}, {@code 2026-Q1}, {@code 2026}.
 * Dates are local dates in the service's zone (Asia/Shanghai), so a case reported at 23:30 Beijing
 * time counts on that day, not the next one.
 */
public enum Period {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    private static final Pattern QUARTER_LABEL = Pattern.compile("(\\d{4})-Q([1-4])");

    /** The label of the period holding {@code date}. */
    public String label(LocalDate date) {
        return switch (this) {
            case DAY -> date.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(date).toString();
            case QUARTER -> date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(date.getYear());
        };
    }

    /** The first day of the period holding {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.withMonth((date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** The first day after the period holding {@code date}. */
    public LocalDate end(LocalDate date) {
        LocalDate start = start(date);
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /**
     * The first day of the quarter labelled like {@code 2026-Q1}.
     *
     * @throws IllegalArgumentException when the label is not a quarter
     */
    public static LocalDate quarterStart(String label) {
        Matcher matcher = QUARTER_LABEL.matcher(label == null ? "" : label.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a quarter such as 2026-Q1");
        }
        try {
            return LocalDate.of(Integer.parseInt(matcher.group(1)), (Integer.parseInt(matcher.group(2)) - 1) * 3 + 1, 1);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a quarter such as 2026-Q1");
        }
    }
}
