package org.grassroots.orgservice.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.contracts.orgs.PartnerKind;
import org.grassroots.orgservice.partners.Partner;
import org.grassroots.orgservice.partners.Partners;
import org.grassroots.orgservice.units.OrgTree;
import org.grassroots.orgservice.units.OrgUnit;
import org.grassroots.orgservice.units.UnitRepository;
import org.grassroots.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * 应建尽建 against the grids grid-service really has. A level-1 grid is covered by the active grid
 * branch of its community that carries its number ({@code <community>-g01} for grid …001, as the
 * district's import names branches); a partner of the kinds that should have party organisations is
 * covered when it names one (its own or the one it is linked to, {@code partyUnitCode}); an occupied
 * building (grid-service's {@code building-occupied}) is covered by an active building group whose
 * {@link BuildingGroupPlace} names its grid and building. A building counts in its grid's community
 * (or, while its grid has not arrived yet, in the community its org path ends with); buildings of
 * retired grids do not count.
 */
@Service
public class TerritoryCoverage {

    private static final Pattern BRANCH_NUMBER = Pattern.compile("-g0*(\\d+)$");
    private static final Set<PartnerKind> SHOULD_HAVE_PARTY = EnumSet.of(PartnerKind.PROPERTY_COMPANY,
            PartnerKind.SOCIAL_ORGANIZATION, PartnerKind.CO_BUILDING_UNIT);

    private final OrgTree tree;
    private final UnitRepository units;
    private final TerritoryGrids grids;
    private final Partners partners;
    private final TerritoryBuildings buildings;
    private final BuildingGroupPlaces places;

    TerritoryCoverage(OrgTree tree, UnitRepository units, TerritoryGrids grids, Partners partners,
            TerritoryBuildings buildings, BuildingGroupPlaces places) {
        this.tree = tree;
        this.units = units;
        this.grids = grids;
        this.partners = partners;
        this.buildings = buildings;
        this.places = places;
    }

    public Territory of(String code, Caller caller) {
        OrgUnit root = tree.get(code, caller);
        List<OrgUnit> subtree = new ArrayList<>(units.subtree(root.path(), null).stream().filter(u -> !u.retired())
                .toList());
        if (subtree.stream().noneMatch(u -> u.code().equals(root.code()))) {
            subtree.add(root);
        }
        Map<String, OrgUnit> byCode = new HashMap<>();
        subtree.forEach(u -> byCode.put(u.code(), u));
        Map<String, Set<Integer>> branchNumbers = new HashMap<>();
        for (OrgUnit unit : subtree) {
            Matcher number = BRANCH_NUMBER.matcher(unit.code());
            if (unit.type() == OrgUnitType.GRID_BRANCH && unit.parentCode() != null && number.find()) {
                branchNumbers.computeIfAbsent(unit.parentCode(), c -> new java.util.HashSet<>())
                        .add(Integer.parseInt(number.group(1)));
            }
        }
        Map<String, List<TerritoryGrid>> gridsByCommunity = new HashMap<>();
        List<TerritoryGrid> territoryGrids = grids.under(root.path());
        territoryGrids.stream().filter(g -> !g.retired() && g.level() == GridLevel.LEVEL_1)
                .forEach(g -> gridsByCommunity.computeIfAbsent(g.communityId(), c -> new ArrayList<>()).add(g));
        Map<String, List<Territory.BuildingGap>> buildingsByCommunity = new HashMap<>();
        Map<String, List<Territory.BuildingGap>> uncoveredByCommunity = buildingsIn(root, subtree, territoryGrids,
                buildingsByCommunity);
        Map<String, List<Partner>> partnersByCommunity = new HashMap<>();
        partners.serving(subtree.stream().filter(u -> u.type() == OrgUnitType.COMMUNITY).map(OrgUnit::code).toList())
                .stream().filter(p -> p.active() && SHOULD_HAVE_PARTY.contains(p.kind()))
                .forEach(p -> p.communityCodes().forEach(c -> partnersByCommunity.computeIfAbsent(c,
                        x -> new ArrayList<>()).add(p)));

        List<Territory.Street> streets = new ArrayList<>();
        int gridCount = 0;
        int gridGaps = 0;
        int partnerCount = 0;
        int partnerGaps = 0;
        int buildingCount = 0;
        int buildingGaps = 0;
        List<OrgUnit> streetUnits = subtree.stream().filter(u -> u.type() == OrgUnitType.STREET)
                .sorted(Comparator.comparing(OrgUnit::code)).toList();
        if (streetUnits.isEmpty() && root.type() == OrgUnitType.COMMUNITY) {
            streetUnits = units.find(root.parentCode()).map(List::of).orElse(List.of());
        }
        for (OrgUnit street : streetUnits) {
            List<Territory.Community> communities = new ArrayList<>();
            int streetBuildings = 0;
            int streetBuildingGaps = 0;
            for (OrgUnit community : subtree.stream().filter(u -> u.type() == OrgUnitType.COMMUNITY
                    && street.code().equals(u.parentCode())).sorted(Comparator.comparing(OrgUnit::code)).toList()) {
                List<TerritoryGrid> inCommunity = gridsByCommunity.getOrDefault(community.code(), List.of());
                Set<Integer> numbers = branchNumbers.getOrDefault(community.code(), Set.of());
                List<Territory.Gap> uncoveredGrids = inCommunity.stream().filter(g -> !numbers.contains(g.number()))
                        .sorted(Comparator.comparing(TerritoryGrid::code))
                        .map(g -> new Territory.Gap(g.code(), g.name(), g.level().name())).toList();
                List<Partner> serving = partnersByCommunity.getOrDefault(community.code(), List.of());
                List<Territory.Gap> partyless = serving.stream()
                        .filter(p -> p.partyUnitCode() == null || !isActiveUnit(p.partyUnitCode()))
                        .sorted(Comparator.comparing(Partner::code))
                        .map(p -> new Territory.Gap(p.code(), p.name(), p.kind().name())).toList();
                int inhabited = buildingsByCommunity.getOrDefault(community.code(), List.of()).size();
                List<Territory.BuildingGap> groupless = uncoveredByCommunity.getOrDefault(community.code(), List.of());
                communities.add(new Territory.Community(community.code(), community.name(), inCommunity.size(),
                        uncoveredGrids, serving.size(), partyless, inhabited, groupless));
                streetBuildings += inhabited;
                streetBuildingGaps += groupless.size();
                gridCount += inCommunity.size();
                gridGaps += uncoveredGrids.size();
                partnerCount += serving.size();
                partnerGaps += partyless.size();
            }
            streets.add(new Territory.Street(street.code(), street.name(), communities, streetBuildings,
                    streetBuildingGaps));
            buildingCount += streetBuildings;
            buildingGaps += streetBuildingGaps;
        }
        return new Territory(root.code(), root.path(), gridCount, gridGaps, partnerCount, partnerGaps, streets,
                buildingCount, buildingGaps);
    }

    /**
     * The occupied buildings under {@code root} by community ({@code all}), and those no active building
     * group of the subtree covers (returned), each list in grid and building order.
     */
    private Map<String, List<Territory.BuildingGap>> buildingsIn(OrgUnit root, List<OrgUnit> subtree,
            List<TerritoryGrid> territoryGrids, Map<String, List<Territory.BuildingGap>> all) {
        Map<String, TerritoryGrid> gridsByCode = new HashMap<>();
        territoryGrids.forEach(g -> gridsByCode.put(g.code(), g));
        Set<String> covered = new java.util.HashSet<>();
        places.of(subtree.stream().filter(u -> u.type() == OrgUnitType.BUILDING_GROUP).map(OrgUnit::code).toList())
                .forEach(place -> covered.add(place.buildingId()));
        Map<String, List<Territory.BuildingGap>> uncovered = new HashMap<>();
        buildings.under(root.path()).stream().filter(TerritoryBuilding::occupied)
                .sorted(Comparator.comparing(TerritoryBuilding::gridCode).thenComparing(TerritoryBuilding::building))
                .forEach(building -> {
                    TerritoryGrid grid = gridsByCode.get(building.gridCode());
                    if (grid != null && grid.retired()) {
                        return;
                    }
                    String community = grid != null ? grid.communityId()
                            : building.orgPath().substring(building.orgPath().lastIndexOf('/') + 1);
                    Territory.BuildingGap gap = new Territory.BuildingGap(building.gridCode(),
                            grid == null ? null : grid.name(), building.building());
                    all.computeIfAbsent(community, c -> new ArrayList<>()).add(gap);
                    if (!covered.contains(building.id())) {
                        uncovered.computeIfAbsent(community, c -> new ArrayList<>()).add(gap);
                    }
                });
        return uncovered;
    }

    private boolean isActiveUnit(String code) {
        return units.find(code).filter(u -> !u.retired()).isPresent();
    }

    /**
     * The report as CSV, one row per gap (and one per community without any), with a header. A building
     * without a building group is a row {@code BUILDING_WITHOUT_GROUP} with its grid's code, its name and
     * the kind {@code BUILDING}.
     */
    public static String csv(Territory territory) {
        StringBuilder out = new StringBuilder(
                "street,street_name,community,community_name,grids,partners,buildings,gap,code,name,kind\n");
        for (Territory.Street street : territory.streets()) {
            for (Territory.Community c : street.communities()) {
                String prefix = String.join(",", cell(street.code()), cell(street.name()), cell(c.code()),
                        cell(c.name()), String.valueOf(c.grids()), String.valueOf(c.partners()),
                        String.valueOf(c.buildings()));
                if (c.gridsWithoutBranch().isEmpty() && c.partnersWithoutParty().isEmpty()
                        && c.buildingsWithoutGroup().isEmpty()) {
                    out.append(prefix).append(",NONE,,,\n");
                }
                c.gridsWithoutBranch().forEach(g -> out.append(prefix).append(",GRID_WITHOUT_BRANCH,")
                        .append(cell(g.code())).append(',').append(cell(g.name())).append(',').append(cell(g.kind()))
                        .append('\n'));
                c.partnersWithoutParty().forEach(p -> out.append(prefix).append(",PARTNER_WITHOUT_PARTY,")
                        .append(cell(p.code())).append(',').append(cell(p.name())).append(',').append(cell(p.kind()))
                        .append('\n'));
                c.buildingsWithoutGroup().forEach(b -> out.append(prefix).append(",BUILDING_WITHOUT_GROUP,")
                        .append(cell(b.gridCode())).append(',').append(cell(b.building())).append(",BUILDING\n"));
            }
        }
        return out.toString();
    }

    /** RFC 4180 quoting, and a leading =, +, - or @ defused so a spreadsheet does not run it. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches(".*[\",\\n\\r].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
