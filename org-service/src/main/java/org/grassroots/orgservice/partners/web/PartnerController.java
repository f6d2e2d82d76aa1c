package org.grassroots.orgservice.partners.web;

import java.net.URI;
import java.util.List;

import org.grassroots.contracts.orgs.PartnerKind;
import org.grassroots.orgservice.imports.Outcome;
import org.grassroots.orgservice.members.Phones;
import org.grassroots.orgservice.partners.ContactPerson;
import org.grassroots.orgservice.partners.Partner;
import org.grassroots.orgservice.partners.Partners;
import org.grassroots.orgservice.scope.OrgScope;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Property companies, social organisations, co-building units and leader contact points. */
@RestController
@RequestMapping("/api/partners")
class PartnerController {

    private static final String STAFF = "hasAnyRole('grid_worker', 'community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final Partners partners;

    PartnerController(Partners partners) {
        this.partners = partners;
    }

    record SavePartnerRequest(
            @NotNull PartnerKind kind,
            @NotBlank @Size(max = 100) String name,
            List<@NotBlank String> communityCodes,
            List<@NotBlank @Size(max = 100) String> compounds,
            @Valid ContactBody contact,
            @Size(max = 64) String partyUnitCode,
            Boolean active,
            Long version) {

        Partner.Definition definition() {
            return new Partner.Definition(kind, name.strip(), communityCodes, compounds,
                    contact == null ? null : new ContactPerson(contact.name(), contact.phone()),
                    partyUnitCode == null || partyUnitCode.isBlank() ? null : partyUnitCode.strip(),
                    active == null || active);
        }
    }

    record ContactBody(@Size(max = 50) String name, @Size(max = 30) String phone) {
    }

    /** The contact's phone in full for administrators only; masked for other staff. */
    record PartnerResponse(String code, PartnerKind kind, String name, List<String> communityCodes,
            List<String> compounds, ContactPerson contact, String partyUnitCode, String orgPath, boolean active,
            long version) {

        static PartnerResponse of(Partner p, Caller caller) {
            ContactPerson contact = p.contact();
            if (contact != null && !OrgScope.isAdmin(caller)) {
                contact = new ContactPerson(contact.name(), Phones.mask(contact.phone()));
            }
            return new PartnerResponse(p.code(), p.kind(), p.name(), p.communityCodes(), p.compounds(), contact,
                    p.partyUnitCode(), p.orgPath(), p.active(), p.version());
        }
    }

    /** A page of the partners of the caller's area by code, optionally of one kind or serving one community. */
    @GetMapping
    @PreAuthorize(STAFF)
    Page<PartnerResponse> list(@RequestParam(required = false) PartnerKind kind,
            @RequestParam(required = false) String communityCode, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return partners.list(kind, communityCode, Paging.of(page, size, 50), caller)
                .map(p -> PartnerResponse.of(p, caller));
    }

    @GetMapping("/{code}")
    @PreAuthorize(STAFF)
    PartnerResponse get(@PathVariable String code, Caller caller) {
        return PartnerResponse.of(partners.get(code, caller), caller);
    }

    /** Registers the partner under this code, or brings it up to date: 201 when new, 200 otherwise. */
    @PutMapping("/{code}")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    ResponseEntity<PartnerResponse> save(@PathVariable String code, @Valid @RequestBody SavePartnerRequest request,
            Caller caller) {
        Partners.Saved saved = partners.save(code, request.definition(), request.version(), caller);
        PartnerResponse body = PartnerResponse.of(saved.partner(), caller);
        return saved.outcome() == Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/partners/" + code)).body(body)
                : ResponseEntity.ok(body);
    }
}
