package org.grassroots.caseservice.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One stretch of working time within a day, such as the morning {@code 08:30-12:00}. A period
 * never runs past midnight: offices that work around the clock use {@link WorkingCalendar#ALWAYS}.
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a working period must end after it starts on the same day, but "
                    + start + "-" + end + " does not");
        }
    }

    /** Reads {@code "08:30-12:00"}: two times of day ({@code HH:mm} or {@code HH:mm:ss}) joined by a hyphen. */
    public static WorkingPeriod parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] times = text.split("-", -1);
        if (times.length != 2) {
            throw new IllegalArgumentException("working period '" + text + "' is not understood: write it as 08:30-12:00");
        }
        try {
            return new WorkingPeriod(LocalTime.parse(times[0].trim()), LocalTime.parse(times[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("working period '" + text + "' is not understood: write it as 08:30-12:00", e);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** The form {@link #parse} reads, e.g. {@code 08:30-12:00}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
