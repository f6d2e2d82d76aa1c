package org.grassroots.evaluationservice.propertycompanies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A property service company (物业服务企业) as evaluation-service knows it: org-service owns the
 * companies, this keeps the minimal registration evaluation needs — the communities whose
 * compounds it serves — and its monthly inspection scores (月检查).
 *
 * @param communityIds the communities it serves; cases there in a property category count as complaints about it
 * @param inspections  one score out of 100 per month, e.g. {@code 2026-03}
 */
@Document("property_companies")
public record PropertyCompany(
        @Id String id,
        String name,
        List<String> communityIds,
        List<Inspection> inspections,
        long version) {

    public PropertyCompany {
        communityIds = List.copyOf(communityIds);
        inspections = inspections == null ? List.of() : List.copyOf(inspections);
    }

    /** @param month {@code yyyy-MM}; @param score 0–100; @param inspectedBy user id of the inspector */
    public record Inspection(String month, int score, String note, String inspectedBy) {
    }

    PropertyCompany registered(String newName, List<String> communities) {
        return new PropertyCompany(id, newName, communities, inspections, version + 1);
    }

    /** Records (or corrects) the month's inspection. */
    PropertyCompany inspected(Inspection inspection) {
        List<Inspection> next = new ArrayList<>(inspections.stream()
                .filter(existing -> !existing.month().equals(inspection.month())).toList());
        next.add(inspection);
        next.sort(Comparator.comparing(Inspection::month));
        return new PropertyCompany(id, name, communityIds, next, version + 1);
    }
}
