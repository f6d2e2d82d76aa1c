package org.grassroots.volunteerservice.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.grassroots.platform.problem.InvalidStateException;
import org.grassroots.platform.security.Caller;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With a negative limit configured, a member may owe up to that many hours and no more. */
@ServiceIntegrationTest(properties = "grassroots.timebank.negative-limit-hours=2")
class TimeBankNegativeLimitIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";

    @Autowired
    TimeBank bank;

    @Autowired
    Accounts accounts;

    @Test
    void givenANegativeLimitOfTwoHours_whenAMemberWithNothingPays_thenTwoHoursGoThroughAndAThirdDoesNot() {
        String payer = "neg-payer-" + UUID.randomUUID();
        String helper = "neg-helper-" + UUID.randomUUID();
        bank.open(member(payer), null);
        bank.open(member(helper), null);

        TimeBank.Transfer first = bank.proposeExchange(helper, payer, 120, "接送孩子", member(helper));
        assertThat(bank.confirm(first.id(), member(payer)).state()).isEqualTo(TransferState.COMPLETED);
        TimeBank.Transfer second = bank.proposeExchange(helper, payer, 60, "接送孩子", member(helper));

        assertThatThrownBy(() -> bank.confirm(second.id(), member(payer))).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("not enough hours");
        assertThat(accounts.find(payer).orElseThrow().balanceMinutes()).isEqualTo(-120);
        assertThat(accounts.find(helper).orElseThrow().balanceMinutes()).isEqualTo(120);
    }

    private static Caller member(String userId) {
        return new Caller(userId, userId, Set.of("volunteer"), CHENGNAN, null);
    }
}
