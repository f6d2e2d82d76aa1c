package org.grassroots.contracts.orgs;

import java.util.List;

/**
 * A functional department (职能部门) that cases are dispatched to and that reports in when a
 * community blows the whistle. Its code is the {@code department_id} claim of its staff and the
 * assignee id of cases dispatched to it.
 *
 * @param code          e.g. {@code dept-urban}
 * @param name          e.g. 区城市管理局
 * @param type          what kind of department, e.g. {@code URBAN_MANAGEMENT}
 * @param categoryCodes the case categories it handles
 * @param orgPath       the area it serves, e.g. the district {@code /qjp}
 * @param active        false once it no longer takes cases
 */
public record DepartmentFacts(String code, String name, String type, List<String> categoryCodes, String orgPath,
        boolean active) {

    public DepartmentFacts {
        Require.text(code, "code");
        Require.text(name, "name");
        Require.text(type, "type");
        Require.text(orgPath, "orgPath");
        categoryCodes = categoryCodes == null ? List.of() : List.copyOf(categoryCodes);
    }
}
