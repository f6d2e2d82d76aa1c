package org.grassroots.gridservice.grids;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridservice.communities.Community;
import org.grassroots.gridservice.geo.GeoJson;
import org.grassroots.gridlocation.GridLocation;
import org.grassroots.gridlocation.GridLocator;
import org.grassroots.gridlocation.LocatableGrid;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The demo district's boundaries (deploy/local/demo/grids.geojson) obey the rules and put the demo point where the README's demo district says. */
class DemoGridsTest {

    static final Path FILE = Path.of("..", "deploy", "local", "demo", "grids.geojson");

    @Test
    void givenTheDemoComplaintPoint_whenLocated_thenItLiesInTheFirstMicroGridOfChengnansFirstGrid() throws Exception {
        GridLocation location = new GridLocator(locatable(grids())).locate(119.0213, 33.6012).orElseThrow();

        assertThat(location.grid().code()).isEqualTo("32081200100100101");
        assertThat(location.grid().name()).isEqualTo("城南社区第一网格第1微网格");
        assertThat(location.ancestors()).extracting(LocatableGrid::code).containsExactly("320812001001001");
    }

    @Test
    void givenTheDemoGrids_thenEveryMicroGridLiesInItsGridAndNoSiblingsOverlap() throws Exception {
        List<Grid> grids = grids();
        Map<String, Grid> byCode = new HashMap<>();
        grids.forEach(grid -> byCode.put(grid.code(), grid));
        BoundaryRules rules = new BoundaryRules(new BoundaryTolerance(0.0, 0.0));

        for (Grid grid : grids) {
            List<Grid> siblings = grids.stream().filter(other -> other != grid && other.level() == grid.level()
                    && java.util.Objects.equals(other.parentCode(), grid.parentCode())).toList();
            assertThat(rules.check("boundary", grid.boundary(), byCode.get(grid.parentCode()), siblings))
                    .as("overlaps of %s", grid.code()).isEmpty();
        }
        assertThat(grids).filteredOn(grid -> grid.level() == GridLevel.LEVEL_1).hasSize(12);
        assertThat(grids).filteredOn(grid -> grid.level() == GridLevel.MICRO).hasSize(36);
    }

    @SuppressWarnings("unchecked")
    static List<Grid> grids() throws Exception {
        Map<String, Object> collection = JsonMapper.builder().build().readValue(Files.readString(FILE), Map.class);
        List<Grid> grids = new ArrayList<>();
        Map<String, String> communityOf = new HashMap<>();
        for (Object item : (List<Object>) collection.get("features")) {
            Map<String, Object> feature = (Map<String, Object>) item;
            Map<String, Object> p = (Map<String, Object>) feature.get("properties");
            String code = (String) p.get("code");
            String parent = (String) p.get("parentCode");
            String community = parent == null ? (String) p.get("communityId") : communityOf.get(parent);
            communityOf.put(code, community);
            assertThat(GridCode.problem(code, GridLevel.valueOf((String) p.get("level")), parent)).isNull();
            grids.add(Grid.draw(code, (String) p.get("name"), GridLevel.valueOf((String) p.get("level")), parent,
                    new Community(community, community, "street", "/qjp/street/" + community, false, 1),
                    GeoJson.readBoundary(feature.get("geometry"), "geometry"), java.time.Instant.EPOCH));
        }
        return grids;
    }

    static List<LocatableGrid> locatable(List<Grid> grids) {
        return grids.stream().map(grid -> new LocatableGrid(grid.code(), grid.name(), grid.level(), grid.parentCode(),
                grid.communityId(), grid.streetId(), grid.orgPath(), grid.boundary())).toList();
    }
}
