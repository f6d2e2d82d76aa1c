package org.grassroots.orgservice.departments;

import java.util.List;
import java.util.Objects;

import org.grassroots.contracts.orgs.DepartmentFacts;

/**
 * A functional department: cases are dispatched to it by code (the {@code department_id} of its
 * staff), it handles the case categories listed, and serves the area of {@code areaCode}.
 */
public record Department(String code, String name, DepartmentType type, List<String> categoryCodes,
        DutyContact dutyContact, String areaCode, String orgPath, boolean active, long version) {

    public Department {
        categoryCodes = categoryCodes == null ? List.of() : categoryCodes.stream().distinct().sorted().toList();
    }

    /** What an administrator sets; the rest (path, version) follows. */
    public record Definition(String name, DepartmentType type, List<String> categoryCodes, DutyContact dutyContact,
            String areaCode, boolean active) {

        public Definition {
            categoryCodes = categoryCodes == null ? List.of() : categoryCodes.stream().distinct().sorted().toList();
        }
    }

    public boolean matches(Definition definition, String path) {
        return name.equals(definition.name()) && type == definition.type()
                && categoryCodes.equals(definition.categoryCodes())
                && Objects.equals(dutyContact, definition.dutyContact()) && areaCode.equals(definition.areaCode())
                && orgPath.equals(path) && active == definition.active();
    }

    public static Department of(String code, Definition d, String orgPath, long version) {
        return new Department(code, d.name(), d.type(), d.categoryCodes(), d.dutyContact(), d.areaCode(), orgPath,
                d.active(), version);
    }

    public DepartmentFacts facts() {
        return new DepartmentFacts(code, name, type.name(), categoryCodes, orgPath, active);
    }
}
