package org.grassroots.evaluationservice.propertycompanies;

import org.grassroots.evaluationservice.partners.PartnerEvaluationRepository;
import org.grassroots.platform.outbox.AggregateStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Loads and stores property companies' inspections, under the partner code, through the {@link AggregateStore}. */
@Repository
class PropertyCompanyRepository extends PartnerEvaluationRepository<PropertyCompany, PropertyCompanyDocument> {

    PropertyCompanyRepository(MongoTemplate mongo, AggregateStore store) {
        super(mongo, store, PropertyCompanyDocument.class, PropertyCompanyDocument::of, PropertyCompanyDocument::toCompany,
                PropertyCompany::code);
    }
}
