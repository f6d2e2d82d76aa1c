package org.grassroots.evaluationservice.socialorgs;

import org.grassroots.evaluationservice.partners.PartnerEvaluationRepository;
import org.grassroots.platform.outbox.AggregateStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Loads and stores social organisations' assessments, under the partner code, through the {@link AggregateStore}. */
@Repository
class SocialOrganizationRepository extends PartnerEvaluationRepository<SocialOrganization, SocialOrganizationDocument> {

    SocialOrganizationRepository(MongoTemplate mongo, AggregateStore store) {
        super(mongo, store, SocialOrganizationDocument.class, SocialOrganizationDocument::of,
                SocialOrganizationDocument::toOrganization, SocialOrganization::code);
    }
}
