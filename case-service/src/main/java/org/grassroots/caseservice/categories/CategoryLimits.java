package org.grassroots.caseservice.categories;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * The three time limits of a category's tier: to respond (claim the case), to resolve it, and to
 * verify the resolution on site. Each is written as {@link TimeLimit} reads it: {@code 2h}, {@code 1d}, {@code 10m}.
 */
public record CategoryLimits(TimeLimit respond, TimeLimit resolve, TimeLimit verify) {

    public CategoryLimits {
        Objects.requireNonNull(respond, "respond");
        Objects.requireNonNull(resolve, "resolve");
        Objects.requireNonNull(verify, "verify");
    }

    /**
     * Reads the three limits from text; every unreadable one is reported under {@code field.respond},
     * {@code field.resolve} or {@code field.verify}.
     */
    public static CategoryLimits parse(String respond, String resolve, String verify, String field) {
        List<FieldError> errors = new ArrayList<>();
        TimeLimit respondLimit = parse(respond, field + ".respond", errors);
        TimeLimit resolveLimit = parse(resolve, field + ".resolve", errors);
        TimeLimit verifyLimit = parse(verify, field + ".verify", errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new CategoryLimits(respondLimit, resolveLimit, verifyLimit);
    }

    /** The rules a tier must keep, reported under {@code field}. */
    List<FieldError> violations(String field) {
        // Limits in different units are not compared: a working day's length depends on the calendar.
        if (respond.unit() == resolve.unit() && resolve.amount() < respond.amount()) {
            return List.of(new FieldError(field + ".resolve",
                    "must not be shorter than the respond limit (" + respond + ")"));
        }
        return List.of();
    }

    private static TimeLimit parse(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            return TimeLimit.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
