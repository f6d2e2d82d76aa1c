package org.grassroots.evaluationservice.socialorgs;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a {@link SocialOrganization} is stored: its assessments under the partner code. Documents
 * stored before org-service's partners were followed also hold {@code name} and {@code orgPath},
 * which are no longer read.
 */
@Document("social_organizations")
record SocialOrganizationDocument(@Id String id, List<SocialOrganization.Assessment> assessments, long version) {

    static SocialOrganizationDocument of(SocialOrganization organization) {
        return new SocialOrganizationDocument(organization.code(), organization.assessments(), organization.version());
    }

    SocialOrganization toOrganization() {
        return new SocialOrganization(id, assessments, version);
    }
}
