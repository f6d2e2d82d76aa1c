package org.grassroots.evaluationservice.propertycompanies;

import java.util.List;

/**
 * A company's quarterly evaluation (季考评).
 *
 * <p>score = 0.7 × mean monthly inspection score + 0.3 × satisfaction with its complaint cases
 * (as a percentage; 100 when none was rated) − one point per complaint, at most 10. Null when the
 * quarter has no inspection yet: complaints alone do not rate a company.
 *
 * @param inspections       the month scores of the quarter
 * @param complaints        valid cases of a property category reported in the communities it serves
 * @param complaintsRated   of those, the rated ones
 * @param satisfactionRate  (satisfied + basically satisfied) / rated of those, or null
 */
public record QuarterlyEvaluation(
        String companyId,
        String name,
        String quarter,
        List<PropertyCompany.Inspection> inspections,
        Double meanInspectionScore,
        long complaints,
        long complaintsRated,
        Double satisfactionRate,
        Double score,
        Integer stars) {
}
