package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.grassroots.caseservice.sla.ChinaCalendar2026;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseDispatched;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;

/** 改派: a case held by a department retired since is dispatched again, from where it stands. */
class CaseRedispatchTest {

    static final Assignee CLOSING = new Assignee(AssigneeKind.DEPARTMENT, "dept-closing", "撤并的部门");
    static final Assignee URBAN = new Assignee(AssigneeKind.DEPARTMENT, "dept-urban", "区城管局");

    @Test
    void givenAClaimedCase_whenRedispatched_thenItIsDispatchedToTheNewAssigneeWithAFreshRespondLimit() {
        Case aCase = dispatchedTo(CLOSING);
        aCase.claim("closing-1", CaseTest.NOW.plus(Duration.ofMinutes(10)));
        long before = aCase.version();

        CaseDispatched event = aCase.redispatch(URBAN, "dispatcher-1", "原部门已撤并，改派城管",
                CaseTest.NOW.plus(Duration.ofHours(1)));

        assertThat(aCase.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(aCase.assignee()).isEqualTo(URBAN);
        assertThat(aCase.version()).isEqualTo(before + 1);
        assertThat(event.aggregateVersion()).isEqualTo(aCase.version());
        assertThat(event.facts().assignee()).isEqualTo(URBAN);
        assertThat(event.facts().deadlines().respondBy()).isAfter(CaseTest.NOW.plus(Duration.ofHours(1)));
        assertThat(aCase.history()).last().satisfies(entry -> {
            assertThat(entry.from()).isEqualTo(CaseStatus.CLAIMED);
            assertThat(entry.to()).isEqualTo(CaseStatus.DISPATCHED);
        });
    }

    @Test
    void givenACaseNobodyHolds_whenRedispatched_thenItIsRefused() {
        Case aCase = Case.report(CaseTest.RUBBISH, CaseTest.EXPOSED_RUBBISH, "case-1", "GR-20261121-000001", CaseTest.NOW,
                ChinaCalendar2026.calendar()).aCase();
        aCase.accept("dispatcher-1", null, CaseTest.NOW);

        assertThatThrownBy(() -> aCase.redispatch(URBAN, "dispatcher-1", null, CaseTest.NOW))
                .isInstanceOf(InvalidStateException.class);
    }

    private static Case dispatchedTo(Assignee assignee) {
        Case aCase = Case.report(CaseTest.RUBBISH, CaseTest.EXPOSED_RUBBISH, "case-1", "GR-20261121-000001", CaseTest.NOW,
                ChinaCalendar2026.calendar()).aCase();
        aCase.accept("dispatcher-1", null, CaseTest.NOW);
        aCase.dispatch(assignee, "dispatcher-1", null, CaseTest.NOW.plus(Duration.ofMinutes(5)));
        return aCase;
    }
}
