package org.grassroots.contracts.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.grassroots.contracts.ContractFixtures;
import org.junit.jupiter.api.Test;

class OrgUnitEventTest {

    private static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";

    @Test
    void givenPathNotEndingWithTheCode_whenFactsAreBuilt_thenRefusedNamingBoth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrgUnitFacts("qjp-pulou-chengnan", "城南社区党委", OrgUnitType.COMMUNITY,
                        "qjp-pulou", "/qjp/qjp-pulou/qjp-pulou-chengbei", false))
                .withMessageContaining("/qjp/qjp-pulou/qjp-pulou-chengbei")
                .withMessageContaining("qjp-pulou-chengnan");
    }

    @Test
    void givenRootUnit_whenFactsAreBuilt_thenItsPathIsJustItsCode() {
        OrgUnitFacts district = new OrgUnitFacts("qjp", "清江浦区委", OrgUnitType.DISTRICT, null, "/qjp", false);

        assertThat(district.parentCode()).isNull();
    }

    @Test
    void givenEventWhoseOrgPathDiffersFromTheUnit_whenBuilt_thenRefused() {
        OrgUnitFacts unit = new OrgUnitFacts("qjp-pulou-chengnan", "城南社区党委", OrgUnitType.COMMUNITY, "qjp-pulou",
                CHENGNAN, false);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OrgUnitCreated("qjp-pulou-chengnan", 1, "/qjp", Instant.EPOCH, unit))
                .withMessageContaining("orgPath");
    }

    @Test
    void givenMovedFixture_whenRead_thenTheOldPrefixCanBeRewrittenForDescendants() {
        OrgUnitMoved moved = ContractFixtures.event(OrgUnitMoved.class);
        String descendant = moved.previousPath() + "/qjp-pulou-chengnan-g01";

        String rewritten = moved.unit().path() + descendant.substring(moved.previousPath().length());

        assertThat(rewritten).isEqualTo("/qjp/qjp-wangying/qjp-pulou-chengnan/qjp-pulou-chengnan-g01");
        assertThat(moved.subject()).isEqualTo("qjp-pulou-chengnan");
    }
}
