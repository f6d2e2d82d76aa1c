package org.grassroots.orgservice.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.orgservice.imports.ImportRequest.UnitRow;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * Units from CSV, the form districts keep their organisation lists in: a header line naming the
 * columns {@code code,name,type,parentCode,expectedGrids} (any order; the last two optional), then
 * one unit per line. Fields may be quoted ({@code "…"}, with {@code ""} for a quote).
 */
final class CsvUnits {

    private static final int MAX_ERRORS = 50;

    private CsvUnits() {
    }

    static List<UnitRow> parse(String csv) {
        String[] lines = csv.replace("\r", "").replace("\uFEFF", "").split("\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new InvalidFieldException("csv", "is empty; the first line names the columns");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = fields(lines[0]);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip(), i);
        }
        for (String required : List.of("code", "name", "type")) {
            if (!column.containsKey(required)) {
                throw new InvalidFieldException("csv", "the header has no column " + required);
            }
        }
        List<UnitRow> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            List<String> values = fields(lines[n]);
            String where = "units[" + rows.size() + "] (line " + (n + 1) + ")";
            OrgUnitType type = null;
            String typeText = value(values, column, "type");
            try {
                type = typeText == null ? null : OrgUnitType.valueOf(typeText);
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError(where + ".type", "is not one of DISTRICT, STREET, COMMUNITY, GRID_BRANCH, "
                        + "BUILDING_GROUP, CENTRAL_HOUSEHOLD, INDUSTRY_COMMITTEE"));
            }
            Integer grids = null;
            String gridsText = value(values, column, "expectedGrids");
            try {
                grids = gridsText == null ? null : Integer.valueOf(gridsText);
            } catch (NumberFormatException notANumber) {
                errors.add(new FieldError(where + ".expectedGrids", "must be a whole number"));
            }
            rows.add(new UnitRow(value(values, column, "code"), value(values, column, "name"), type,
                    value(values, column, "parentCode"), grids));
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return rows;
    }

    private static String value(List<String> values, Map<String, Integer> column, String name) {
        Integer index = column.get(name);
        if (index == null || index >= values.size()) {
            return null;
        }
        String value = values.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** The fields of one line, honouring quotes. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
