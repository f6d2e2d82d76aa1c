package org.grassroots.evaluationservice.propertycompanies;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * What evaluation-service holds of a property service company (物业服务企业): its monthly
 * inspection scores (月检查), under the company's partner code. org-service owns the company itself
 * (name, the communities it serves), which reaches this service as {@code org-events}.
 */
public final class PropertyCompany {

    private final String code;
    private final List<Inspection> inspections;
    private long version;

    /** @param month {@code yyyy-MM}; @param score 0–100; @param inspectedBy user id of the inspector */
    public record Inspection(String month, int score, String note, String inspectedBy) {
    }

    PropertyCompany(String code, List<Inspection> inspections, long version) {
        this.code = code;
        this.inspections = new ArrayList<>(inspections == null ? List.of() : inspections);
        this.version = version;
    }

    /** A company nobody has inspected yet (version 0: not stored). */
    static PropertyCompany uninspected(String code) {
        return new PropertyCompany(code, List.of(), 0);
    }

    /**
     * Records (or corrects) the month's inspection. Inspections are evaluation's own figures; the
     * rest of the platform is not told, so no event is produced.
     */
    List<IntegrationEvent> inspect(Inspection inspection) {
        if (inspection.score() < 0 || inspection.score() > 100) {
            throw new InvalidFieldException("score", "must be between 0 and 100");
        }
        inspections.removeIf(existing -> existing.month().equals(inspection.month()));
        inspections.add(inspection);
        inspections.sort(Comparator.comparing(Inspection::month));
        version++;
        return List.of();
    }

    /** The inspections of {@code months} months from {@code first}. */
    List<Inspection> inspectionsOf(YearMonth first, int months) {
        return inspections.stream()
                .filter(i -> !YearMonth.parse(i.month()).isBefore(first)
                        && YearMonth.parse(i.month()).isBefore(first.plusMonths(months)))
                .toList();
    }

    public String code() {
        return code;
    }

    public List<Inspection> inspections() {
        return List.copyOf(inspections);
    }

    public long version() {
        return version;
    }
}
