package org.grassroots.volunteerservice.timebank;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.grassroots.platform.domain.InvalidFieldException;

/** Hours as people give them (1.5) and minutes as the accounts keep them, so no hour is lost to rounding. */
public final class Hours {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private Hours() {
    }

    /** Whole minutes, more than none and at most {@code maxHours}. */
    public static long toMinutes(BigDecimal hours, int maxHours, String field) {
        if (hours == null) {
            throw new InvalidFieldException(field, "is required");
        }
        BigDecimal minutes = hours.multiply(SIXTY);
        if (minutes.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(maxHours)) > 0) {
            throw new InvalidFieldException(field, "must be more than 0 and at most " + maxHours + " hours");
        }
        if (minutes.stripTrailingZeros().scale() > 0) {
            throw new InvalidFieldException(field, "must be whole minutes (e.g. 1.5 or 0.25 hours)");
        }
        return minutes.longValueExact();
    }

    public static BigDecimal ofMinutes(long minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_EVEN);
    }
}
