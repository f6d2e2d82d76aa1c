package org.grassroots.evaluationservice.socialorgs.web;

import java.util.List;

import org.grassroots.evaluationservice.socialorgs.SocialOrganization;
import org.grassroots.evaluationservice.socialorgs.SocialOrganizationService.Rated;

/**
 * A social organisation as the API shows it: org-service's partner (its code is the {@code id}, its
 * name and path) and the assessments with their reviews and adjustments.
 *
 * @param active  false once org-service ended the partnership
 * @param version the assessments' version here (0 before the first assessment)
 */
record SocialOrganizationResponse(String id, String name, String orgPath, boolean active,
        List<SocialOrganization.Assessment> assessments, long version) {

    static SocialOrganizationResponse of(Rated organization) {
        return new SocialOrganizationResponse(organization.partner().code(), organization.partner().name(),
                organization.partner().orgPath(), organization.partner().active(),
                organization.organization().assessments(), organization.organization().version());
    }
}
