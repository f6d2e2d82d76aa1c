package org.grassroots.contracts.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;

import org.grassroots.contracts.ContractFixtures;
import org.junit.jupiter.api.Test;

class PartyMemberEventTest {

    private static final String G01 = "/qjp/qjp-pulou/qjp-pulou-chengnan/qjp-pulou-chengnan-g01";

    @Test
    void givenEventWhoseOrgPathIsNotTheMembersUnit_whenBuilt_thenRefused() {
        MemberFacts member = new MemberFacts("m-1", "qjp-pulou-chengnan-g01", G01, MemberStatus.IN_SERVICE,
                List.of(MemberRole.SECRETARY), null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MemberJoined("m-1", 1, "/qjp", Instant.EPOCH, member))
                .withMessageContaining("orgPath");
    }

    @Test
    void givenTransferredFixture_whenRead_thenItNamesBothUnitsAndTheMemberKey() {
        MemberTransferred transferred = ContractFixtures.event(MemberTransferred.class);

        assertThat(transferred.subject()).isEqualTo("m-qjp-000123");
        assertThat(transferred.previousUnitCode()).isEqualTo("qjp-pulou-chengnan-g01");
        assertThat(transferred.member().unitCode()).isEqualTo("qjp-pulou-hebin-g02");
    }

    @Test
    void givenPartnerFixture_whenRead_thenItsSubjectIsItsCode() {
        PartnerRegistered registered = ContractFixtures.event(PartnerRegistered.class);

        assertThat(registered.subject()).isEqualTo("pc-huaiyin-wuye");
        assertThat(registered.partner().communityCodes()).contains("qjp-pulou-chengnan");
    }
}
