package org.grassroots.orgservice.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A district the size of 清江浦区 in the seeds: 16 streets (towns), 114 communities (villages),
 * 554 grids declared, 633 grid branches, 2085 building groups (one per micro-grid) and thousands
 * of party members, generated so that every run is the same.
 */
final class QingjiangpuScale {

    static final int STREETS = 16;
    static final int COMMUNITIES = 114;
    static final int GRIDS = 554;
    static final int BRANCHES = 633;
    static final int BUILDING_GROUPS = 2085;
    static final int MEMBERS = 6000;

    private QingjiangpuScale() {
    }

    static Map<String, Object> request(String district) {
        List<Map<String, Object>> units = new ArrayList<>();
        units.add(unit(district, "清江浦区委", "DISTRICT", null, null));
        List<String> streets = new ArrayList<>();
        for (int s = 0; s < STREETS; s++) {
            String street = district + "-s" + pad(s + 1, 2);
            streets.add(street);
            units.add(unit(street, "第" + (s + 1) + "街道党工委", "STREET", district, null));
        }
        List<String> communities = new ArrayList<>();
        for (int c = 0; c < COMMUNITIES; c++) {
            String street = streets.get(c % STREETS);
            String community = street + "-c" + pad(c + 1, 3);
            communities.add(community);
            // 554 grids over 114 communities: 98 with five, 16 with four.
            units.add(unit(community, "第" + (c + 1) + "社区党委", "COMMUNITY", street, c < 98 ? 5 : 4));
        }
        List<String> branches = new ArrayList<>();
        for (int b = 0; b < BRANCHES; b++) {
            String community = communities.get(b % COMMUNITIES);
            String branch = community + "-g" + pad(b / COMMUNITIES + 1, 2);
            branches.add(branch);
            units.add(unit(branch, "第" + (b + 1) + "网格党支部", "GRID_BRANCH", community, null));
        }
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < BUILDING_GROUPS; g++) {
            String branch = branches.get(g % BRANCHES);
            String group = branch + "-bg" + pad(g / BRANCHES + 1, 2);
            groups.add(group);
            units.add(unit(group, "第" + (g + 1) + "楼栋党小组", "BUILDING_GROUP", branch, null));
        }
        List<Map<String, Object>> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("id", district + "-m" + pad(m + 1, 5));
            member.put("name", "党员" + (m + 1));
            member.put("phone", "139" + pad(m + 1, 8));
            member.put("joinedOn", (1970 + m % 50) + "-07-01");
            member.put("status", m < BRANCHES ? "IN_SERVICE" : m % 10 == 0 ? "RETIRED" : m % 17 == 0 ? "FLOATING" : "IN_SERVICE");
            boolean inBranch = m < BRANCHES * 4;
            member.put("unitCode", inBranch ? branches.get(m % BRANCHES) : groups.get(m % BUILDING_GROUPS));
            // The first member of each branch is its secretary (and grid chief every third time).
            if (m < BRANCHES) {
                member.put("roles", m % 3 == 0 ? List.of("SECRETARY", "GRID_CHIEF") : List.of("SECRETARY"));
            } else if (!inBranch) {
                member.put("roles", List.of("BUILDING_LEADER"));
            }
            members.add(member);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("units", units);
        request.put("members", members);
        return request;
    }

    static int units() {
        return 1 + STREETS + COMMUNITIES + BRANCHES + BUILDING_GROUPS;
    }

    private static Map<String, Object> unit(String code, String name, String type, String parent, Integer grids) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("code", code);
        unit.put("name", name);
        unit.put("type", type);
        unit.put("parentCode", parent);
        if (grids != null) {
            unit.put("expectedGrids", grids);
        }
        return unit;
    }

    private static String pad(int n, int width) {
        return String.format("%0" + width + "d", n);
    }
}
