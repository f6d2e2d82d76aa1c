package org.grassroots.evaluationservice.socialorgs.web;

import java.util.List;

import org.grassroots.evaluationservice.socialorgs.SocialOrganization;

/** A social organisation as the API shows it: its assessments with their reviews and adjustments. */
record SocialOrganizationResponse(String id, String name, String orgPath, List<SocialOrganization.Assessment> assessments,
        long version) {

    static SocialOrganizationResponse of(SocialOrganization organization) {
        return new SocialOrganizationResponse(organization.id(), organization.name(), organization.orgPath(),
                organization.assessments(), organization.version());
    }
}
