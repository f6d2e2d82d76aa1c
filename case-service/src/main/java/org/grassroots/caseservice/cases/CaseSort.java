package org.grassroots.caseservice.cases;

import java.util.Locale;

import org.grassroots.platform.domain.InvalidFieldException;

/**
 * The order of {@code GET /api/cases}: {@code reportedAt}, {@code updatedAt} or {@code number},
 * ascending or descending, e.g. {@code updatedAt,desc}. Newest report first unless asked otherwise.
 * The case id breaks ties, so paging through cases of the same minute neither repeats nor skips one.
 */
public record CaseSort(Field field, boolean ascending) {

    public static final CaseSort NEWEST_FIRST = new CaseSort(Field.REPORTED_AT, false);
    public static final CaseSort OLDEST_FIRST = new CaseSort(Field.REPORTED_AT, true);

    /** What a list may be sorted by, and the stored field behind each. */
    public enum Field {
        REPORTED_AT("reportedAt"), UPDATED_AT("updatedAt"), NUMBER("number");

        private final String stored;

        Field(String stored) {
            this.stored = stored;
        }

        String stored() {
            return stored;
        }
    }

    /** Reads {@code field[,asc|,desc]}; a field alone sorts descending. Null or blank is newest first. */
    public static CaseSort parse(String text) {
        if (text == null || text.isBlank()) {
            return NEWEST_FIRST;
        }
        String[] parts = text.strip().split("\\s*,\\s*");
        Field field = null;
        for (Field candidate : Field.values()) {
            if (candidate.stored.equals(parts[0])) {
                field = candidate;
            }
        }
        if (field == null || parts.length > 2) {
            throw new InvalidFieldException("sort", "must be reportedAt, updatedAt or number, optionally followed by"
                    + " ,asc or ,desc (e.g. updatedAt,desc)");
        }
        if (parts.length == 1) {
            return new CaseSort(field, false);
        }
        return switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "asc" -> new CaseSort(field, true);
            case "desc" -> new CaseSort(field, false);
            default -> throw new InvalidFieldException("sort", "direction must be asc or desc, not " + parts[1]);
        };
    }
}
