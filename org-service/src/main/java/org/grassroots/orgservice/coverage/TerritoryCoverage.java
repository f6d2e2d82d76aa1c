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
 * covered when it names one (its own or the one it is linked to, {@code partyUnitCode}).
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

    TerritoryCoverage(OrgTree tree, UnitRepository units, TerritoryGrids grids, Partners partners) {
        this.tree = tree;
        this.units = units;
        this.grids = grids;
        this.partners = partners;
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
        grids.under(root.path()).stream().filter(g -> !g.retired() && g.level() == GridLevel.LEVEL_1)
                .forEach(g -> gridsByCommunity.computeIfAbsent(g.communityId(), c -> new ArrayList<>()).add(g));
        Map<String, List<Partner>> partnersByCommunity = new HashMap<>();
        partners.list(null, null, caller).stream().filter(p -> p.active() && SHOULD_HAVE_PARTY.contains(p.kind()))
                .forEach(p -> p.communityCodes().forEach(c -> partnersByCommunity.computeIfAbsent(c,
                        x -> new ArrayList<>()).add(p)));

        List<Territory.Street> streets = new ArrayList<>();
        int gridCount = 0;
        int gridGaps = 0;
        int partnerCount = 0;
        int partnerGaps = 0;
        List<OrgUnit> streetUnits = subtree.stream().filter(u -> u.type() == OrgUnitType.STREET)
                .sorted(Comparator.comparing(OrgUnit::code)).toList();
        if (streetUnits.isEmpty() && root.type() == OrgUnitType.COMMUNITY) {
            streetUnits = units.find(root.parentCode()).map(List::of).orElse(List.of());
        }
        for (OrgUnit street : streetUnits) {
            List<Territory.Community> communities = new ArrayList<>();
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
                communities.add(new Territory.Community(community.code(), community.name(), inCommunity.size(),
                        uncoveredGrids, serving.size(), partyless));
                gridCount += inCommunity.size();
                gridGaps += uncoveredGrids.size();
                partnerCount += serving.size();
                partnerGaps += partyless.size();
            }
            streets.add(new Territory.Street(street.code(), street.name(), communities));
        }
        return new Territory(root.code(), root.path(), gridCount, gridGaps, partnerCount, partnerGaps, streets);
    }

    private boolean isActiveUnit(String code) {
        return units.find(code).filter(u -> !u.retired()).isPresent();
    }

    /** The report as CSV, one row per gap (and one per community without any), with a header. */
    public static String csv(Territory territory) {
        StringBuilder out = new StringBuilder("street,street_name,community,community_name,grids,partners,gap,code,name,kind\n");
        for (Territory.Street street : territory.streets()) {
            for (Territory.Community c : street.communities()) {
                String prefix = String.join(",", cell(street.code()), cell(street.name()), cell(c.code()),
                        cell(c.name()), String.valueOf(c.grids()), String.valueOf(c.partners()));
                if (c.gridsWithoutBranch().isEmpty() && c.partnersWithoutParty().isEmpty()) {
                    out.append(prefix).append(",NONE,,,\n");
                }
                c.gridsWithoutBranch().forEach(g -> out.append(prefix).append(",GRID_WITHOUT_BRANCH,")
                        .append(cell(g.code())).append(',').append(cell(g.name())).append(',').append(cell(g.kind()))
                        .append('\n'));
                c.partnersWithoutParty().forEach(p -> out.append(prefix).append(",PARTNER_WITHOUT_PARTY,")
                        .append(cell(p.code())).append(',').append(cell(p.name())).append(',').append(cell(p.kind()))
                        .append('\n'));
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
