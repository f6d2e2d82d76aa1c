package org.grassroots.evaluationservice.propertycompanies.web;

import java.util.List;

import org.grassroots.evaluationservice.propertycompanies.PropertyCompany;
import org.grassroots.evaluationservice.propertycompanies.PropertyCompanyService.Rated;

/**
 * A property company as the API shows it: org-service's partner (its code is the {@code id}, its
 * name and the communities it serves) and the monthly inspections evaluation holds of it.
 *
 * @param active  false once org-service ended the partnership
 * @param version the inspections' version here (0 before the first inspection)
 */
record PropertyCompanyResponse(String id, String name, List<String> communityIds, boolean active,
        List<PropertyCompany.Inspection> inspections, long version) {

    static PropertyCompanyResponse of(Rated company) {
        return new PropertyCompanyResponse(company.partner().code(), company.partner().name(),
                company.partner().communityCodes(), company.partner().active(), company.company().inspections(),
                company.company().version());
    }
}
