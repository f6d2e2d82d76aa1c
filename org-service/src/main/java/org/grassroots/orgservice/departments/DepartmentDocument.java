package org.grassroots.orgservice.departments;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a department is stored; the outbox array beside these fields belongs to the platform's relay. */
@Document("departments")
record DepartmentDocument(@Id String code, String name, DepartmentType type, List<String> categoryCodes,
        DutyContact dutyContact, String areaCode, String orgPath, boolean active, long version) {

    static DepartmentDocument of(Department d) {
        return new DepartmentDocument(d.code(), d.name(), d.type(), d.categoryCodes(), d.dutyContact(), d.areaCode(),
                d.orgPath(), d.active(), d.version());
    }

    Department toDepartment() {
        return new Department(code, name, type, categoryCodes, dutyContact, areaCode, orgPath, active, version);
    }
}
