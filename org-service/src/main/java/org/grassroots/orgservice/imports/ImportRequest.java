package org.grassroots.orgservice.imports;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.contracts.orgs.MemberRole;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.contracts.orgs.PartnerKind;
import org.grassroots.orgservice.departments.DepartmentType;
import org.grassroots.orgservice.departments.DutyContact;
import org.grassroots.orgservice.partners.ContactPerson;

/**
 * A district's organisation in one document: units (parents before or after their children, in
 * any order), party members, departments and partners. Every section is optional.
 */
public record ImportRequest(List<UnitRow> units, List<MemberRow> members, List<DepartmentRow> departments,
        List<PartnerRow> partners) {

    public ImportRequest {
        units = units == null ? List.of() : units;
        members = members == null ? List.of() : members;
        departments = departments == null ? List.of() : departments;
        partners = partners == null ? List.of() : partners;
    }

    /** @param expectedGrids for a community: its grids in grid-service's ledger (for the coverage report) */
    public record UnitRow(String code, String name, OrgUnitType type, String parentCode, Integer expectedGrids) {
    }

    /** @param id the member's stable id (e.g. 党员编号): what makes a second import change nothing */
    public record MemberRow(String id, String name, String phone, LocalDate joinedOn, MemberStatus status,
            String unitCode, List<MemberRole> roles, String userId) {
    }

    public record DepartmentRow(String code, String name, DepartmentType type, List<String> categoryCodes,
            DutyContact dutyContact, String areaCode, Boolean active) {
    }

    public record PartnerRow(String code, PartnerKind kind, String name, List<String> communityCodes,
            List<String> compounds, ContactPerson contact, String partyUnitCode, Boolean active) {
    }
}
