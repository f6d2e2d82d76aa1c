package org.grassroots.evaluationservice.propertycompanies.web;

import java.util.List;

import org.grassroots.evaluationservice.propertycompanies.PropertyCompany;

/** A property company as the API shows it: the communities it serves and its monthly inspections. */
record PropertyCompanyResponse(String id, String name, List<String> communityIds,
        List<PropertyCompany.Inspection> inspections, long version) {

    static PropertyCompanyResponse of(PropertyCompany company) {
        return new PropertyCompanyResponse(company.id(), company.name(), company.communityIds(), company.inspections(),
                company.version());
    }
}
