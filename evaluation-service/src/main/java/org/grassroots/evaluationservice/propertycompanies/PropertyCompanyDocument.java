package org.grassroots.evaluationservice.propertycompanies;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a {@link PropertyCompany} is stored: its inspections under the partner code. Documents stored
 * before org-service's partners were followed also hold {@code name} and {@code communityIds}, which
 * are no longer read.
 */
@Document("property_companies")
record PropertyCompanyDocument(@Id String id, List<PropertyCompany.Inspection> inspections, long version) {

    static PropertyCompanyDocument of(PropertyCompany company) {
        return new PropertyCompanyDocument(company.code(), company.inspections(), company.version());
    }

    PropertyCompany toCompany() {
        return new PropertyCompany(id, inspections, version);
    }
}
