package org.grassroots.orgservice.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.grassroots.contracts.orgs.OrgUnitMoved;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;

class OrgUnitTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private final OrgUnit qjp = OrgUnit.create("qjp", "清江浦区委", OrgUnitType.DISTRICT, null, null, NOW).unit();
    private final OrgUnit pulou = OrgUnit.create("qjp-pulou", "浦楼街道党工委", OrgUnitType.STREET, qjp, null, NOW).unit();
    private final OrgUnit changxi = OrgUnit.create("qjp-changxi", "长西街道党工委", OrgUnitType.STREET, qjp, null, NOW).unit();
    private final OrgUnit chengnan = OrgUnit.create("qjp-pulou-chengnan", "城南社区党委", OrgUnitType.COMMUNITY, pulou,
            3, NOW).unit();
    private final OrgUnit g01 = OrgUnit.create("qjp-pulou-chengnan-g01", "城南社区第一网格党支部",
            OrgUnitType.GRID_BRANCH, chengnan, null, NOW).unit();

    @Test
    void givenParent_whenUnitIsCreated_thenItsPathIsTheParentsPathAndItsCode() {
        assertThat(g01.path()).isEqualTo("/qjp/qjp-pulou/qjp-pulou-chengnan/qjp-pulou-chengnan-g01");
        assertThat(g01.version()).isEqualTo(1);
    }

    @Test
    void givenCommunity_whenMovedToAnotherStreet_thenItsPathFollowsAndTheEventKeepsThePreviousPath() {
        OrgUnit.Changed<OrgUnitMoved> moved = chengnan.moveUnder(changxi, NOW);

        assertThat(moved.unit().path()).isEqualTo("/qjp/qjp-changxi/qjp-pulou-chengnan");
        assertThat(moved.unit().parentCode()).isEqualTo("qjp-changxi");
        assertThat(moved.unit().version()).isEqualTo(2);
        assertThat(moved.event().previousPath()).isEqualTo("/qjp/qjp-pulou/qjp-pulou-chengnan");
    }

    @Test
    void givenStreet_whenMovedUnderItsOwnDescendant_thenRefusedNamingTheParent() {
        OrgUnit street = new OrgUnit("qjp-pulou", "浦楼", OrgUnitType.STREET, "qjp", "/qjp/qjp-pulou", false, null, 1);
        OrgUnit streetLike = new OrgUnit("qjp-x", "x", OrgUnitType.STREET, "qjp-pulou-chengnan",
                "/qjp/qjp-pulou/qjp-pulou-chengnan/qjp-x", false, null, 1);

        assertThatThrownBy(() -> street.moveUnder(streetLike, NOW))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("parentCode");
    }

    @Test
    void givenUnit_whenMovedUnderItself_thenRefused() {
        assertThatThrownBy(() -> chengnan.moveUnder(chengnan, NOW)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void givenGridBranch_whenPlacedUnderAGridBranch_thenRefused() {
        assertThatThrownBy(() -> OrgUnit.create("qjp-x", "x", OrgUnitType.GRID_BRANCH, g01, null, NOW))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("GRID_BRANCH cannot be placed under a GRID_BRANCH");
    }

    @Test
    void givenCommunityWithoutParent_whenCreated_thenRefusedBecauseOnlyADistrictIsARoot() {
        assertThatThrownBy(() -> OrgUnit.create("qjp-x", "x", OrgUnitType.COMMUNITY, null, null, NOW))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void givenCodeWithCapitalsOrSlashes_whenCreated_thenRefused() {
        assertThatThrownBy(() -> OrgUnit.create("QJP/x", "x", OrgUnitType.STREET, qjp, null, NOW))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("code");
    }

    @Test
    void givenRetiredUnit_whenRenamed_thenRefused() {
        OrgUnit retired = g01.retire(NOW).unit();

        assertThat(retired.retired()).isTrue();
        assertThatThrownBy(() -> retired.rename("新名字", NOW)).isInstanceOf(InvalidStateException.class);
    }
}
