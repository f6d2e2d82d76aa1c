package org.grassroots.evaluationservice.socialorgs;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.orgs.PartnerKind;
import org.grassroots.evaluationservice.partners.Partner;
import org.grassroots.evaluationservice.partners.PartnerDirectory;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.stereotype.Service;

/**
 * Social organisations' star ratings, of the partners org-service registered as social
 * organisations ({@link PartnerDirectory}), by their partner code: street or district staff of the
 * organisation's area assess it; district administrators review and adjust the stars. Staff see the
 * organisations in their area; others not at all (404).
 */
@Service
public class SocialOrganizationService {

    /** The request field that names the organisation: the path's partner code. */
    static final String CODE_FIELD = "code";

    private final SocialOrganizationRepository organizations;
    private final PartnerDirectory partners;
    private final Clock clock;

    SocialOrganizationService(SocialOrganizationRepository organizations, PartnerDirectory partners, Clock clock) {
        this.organizations = organizations;
        this.partners = partners;
        this.clock = clock;
    }

    /** A social organisation: org-service's partner and the assessments evaluation holds of it. */
    public record Rated(Partner partner, SocialOrganization organization) {
    }

    public Rated assess(String code, int year, int organisation, int integrity, int funds, Caller caller) {
        Rated current = get(code, caller);
        if (!(caller.isPlatformAdmin() || caller.hasAnyRole(Roles.STREET_STAFF, Roles.DISTRICT_ADMIN))) {
            throw new ForbiddenException("Social organisations are assessed by street or district staff");
        }
        SocialOrganization organization = current.organization();
        long read = organization.version();
        List<IntegrationEvent> events = organization.assess(year, organisation, integrity, funds);
        organizations.save(organization, read, events);
        return current;
    }

    public Rated review(String code, int year, int stars, String reason, Caller caller) {
        Rated current = get(code, caller);
        if (!(caller.isPlatformAdmin() || caller.hasRole(Roles.DISTRICT_ADMIN))) {
            throw new ForbiddenException("Star ratings are reviewed and adjusted by the district");
        }
        SocialOrganization organization = current.organization();
        long read = organization.version();
        List<IntegrationEvent> events = organization.review(year, stars, reason, caller.userId(), clock.instant());
        organizations.save(organization, read, events);
        return current;
    }

    /** The organisation, if org-service registered it and it lies in the caller's area; otherwise 404. */
    public Rated get(String code, Caller caller) {
        Partner partner = partners.require(code, PartnerKind.SOCIAL_ORGANIZATION, CODE_FIELD);
        if (!caller.maySeeOrgPath(partner.orgPath())) {
            throw new NotFoundException("Social organisation", code);
        }
        return new Rated(partner, organizations.find(code).orElseGet(() -> SocialOrganization.unassessed(code)));
    }

    /** A page of the social organisations of the caller's area, by code, with their assessments. */
    public Page<Rated> list(Paging paging, Caller caller) {
        Page<Partner> known = partners.pageOfKindInAreaOf(PartnerKind.SOCIAL_ORGANIZATION, caller, paging);
        Map<String, SocialOrganization> assessed = organizations.findAll(known.items().stream().map(Partner::code)
                .toList());
        return known.map(partner -> new Rated(partner,
                assessed.getOrDefault(partner.code(), SocialOrganization.unassessed(partner.code()))));
    }
}
