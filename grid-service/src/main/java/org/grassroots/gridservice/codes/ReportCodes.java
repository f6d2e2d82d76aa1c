package org.grassroots.gridservice.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.grassroots.gridservice.communities.Community;
import org.grassroots.gridservice.communities.CommunityDirectory;
import org.grassroots.gridservice.grids.Grid;
import org.grassroots.gridservice.grids.Grids;
import org.grassroots.gridservice.households.Households;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * 码上办: a code per grid and per building, leading a phone to the report page with the place filled
 * in. A retired grid keeps its code, so a board nobody took down still opens the page, which reads
 * {@code GET /api/grids/{code}} and tells the resident the grid is retired.
 */
@Service
@EnableConfigurationProperties(CodesProperties.class)
public class ReportCodes {

    private static final int MAX_BUILDING_LENGTH = 32;
    private static final String SHIPPED_FONT = "/fonts/DroidSansFallbackFull.ttf";
    private static final String LATIN_FONT = "/fonts/LiberationSans-Regular.ttf";

    private final Grids grids;
    private final Households households;
    private final CommunityDirectory communities;
    private final CodesProperties settings;

    ReportCodes(Grids grids, Households households, CommunityDirectory communities, CodesProperties settings) {
        this.grids = grids;
        this.households = households;
        this.communities = communities;
        this.settings = settings;
    }

    /** The code of a grid, or of a building in it; 404 for a grid that never existed. */
    public ReportCode of(String gridCode, String building) {
        Grid grid = grids.get(gridCode);
        return ReportCode.of(settings.publicUrl(), grid.code(), checkedBuilding(building));
    }

    /**
     * The A4 sheet of a community's codes: each grid in the order of its code, followed by the
     * buildings grid-service knows in it (from its households), in the order of their names. Retired
     * grids are left out. For staff and administrators whose area holds the community.
     */
    public byte[] sheet(String communityId, Caller caller) {
        Community community = communities.find(communityId)
                .filter(found -> caller.maySeeOrgPath(found.path()))
                .orElseThrow(() -> new NotFoundException("Community", communityId));
        List<Grid> ofCommunity = grids.list(communityId, null, null, false).stream()
                .sorted(Comparator.comparing(Grid::code)).toList();
        List<CodeSheet.Entry> entries = new ArrayList<>();
        for (Grid grid : ofCommunity) {
            entries.add(new CodeSheet.Entry(ReportCode.of(settings.publicUrl(), grid.code(), null), grid.name(),
                    "网格 " + grid.code()));
            for (String building : households.buildingsOf(grid.code())) {
                entries.add(new CodeSheet.Entry(ReportCode.of(settings.publicUrl(), grid.code(), building),
                        grid.name() + " " + building, "楼栋 · 网格 " + grid.code()));
            }
        }
        try (InputStream font = font(); InputStream latin = ReportCodes.class.getResourceAsStream(LATIN_FONT)) {
            return CodeSheet.pdf(community.name() + " 码上办 扫码反映问题", entries, font, latin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream font() throws IOException {
        if (settings.font() != null && !settings.font().isBlank()) {
            return Files.newInputStream(Path.of(settings.font()));
        }
        return ReportCodes.class.getResourceAsStream(SHIPPED_FONT);
    }

    private static String checkedBuilding(String building) {
        if (building == null) {
            return null;
        }
        String stripped = building.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_BUILDING_LENGTH) {
            throw new InvalidFieldException("building", "must be 1 to " + MAX_BUILDING_LENGTH + " characters");
        }
        return stripped;
    }
}
