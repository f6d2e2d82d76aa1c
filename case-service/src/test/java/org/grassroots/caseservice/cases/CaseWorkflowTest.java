package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.grassroots.caseservice.intake.Placement;
import org.grassroots.caseservice.sla.ChinaCalendar2026;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseClaimed;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseDispatched;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseLocated;
import org.grassroots.contracts.cases.CaseReopened;
import org.grassroots.contracts.cases.CaseReturned;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.CaseVerified;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.contracts.cases.ReopenCause;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The case workflow as a table: every state against every command. */
class CaseWorkflowTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:15:00Z");
    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final Assignee HOUSING = new Assignee(AssigneeKind.DEPARTMENT, "dept-housing", "区住建局");
    static final long VERSION = 7;
    static final Placement CHENGNAN_GRID = new Placement("32081200100100101", "城南社区第一网格第1微网格",
            List.of("320812001001001", "32081200100100101"), "qjp-pulou-chengnan", "qjp-pulou", CHENGNAN, null);

    /** Rows are the state a case is in, columns the command; "-" means the command is refused. */
    static final String TABLE = """
                        ACCEPT    CANCEL     DISPATCH    CLAIM    RETURN    RESOLVE   PASS_VERIFICATION  FAIL_VERIFICATION  PARK    REOPEN    TAKE_UP
            REPORTED    ACCEPTED  CANCELLED  -           -        -         -         -                  -                  -       -         -
            ACCEPTED    -         CANCELLED  DISPATCHED  -        -         -         -                  -                  PARKED  -         -
            DISPATCHED  -         -          -           CLAIMED  RETURNED  -         -                  -                  -       -         -
            CLAIMED     -         -          -           -        RETURNED  RESOLVED  -                  -                  -       -         -
            RESOLVED    -         -          -           -        -         -         CLOSED             REOPENED           -       -         -
            CLOSED      -         -          -           -        -         -         -                  -                  -       REOPENED  -
            CANCELLED   -         -          -           -        -         -         -                  -                  -       -         -
            RETURNED    -         -          DISPATCHED  -        -         -         -                  -                  PARKED  -         -
            REOPENED    -         -          DISPATCHED  -        -         -         -                  -                  PARKED  -         -
            PARKED      -         -          -           -        -         -         -                  -                  -       -         ACCEPTED
            """;

    /**
     * The commands that keep the state (they change the level, the time limits or the flags):
     * "ok" means allowed, and the case stays in its state; "-" means refused.
     */
    static final String STATE_KEEPING_TABLE = """
                        ESCALATE  WHISTLE  REPORT_IN  EXTEND  SUPERVISE  PAUSE  RESUME  LOCATE
            REPORTED    -         -        -          -       ok         -      -       ok
            ACCEPTED    ok        ok       ok         ok      ok         ok     ok      ok
            DISPATCHED  ok        ok       ok         ok      ok         ok     ok      ok
            CLAIMED     ok        ok       ok         ok      ok         ok     ok      ok
            RESOLVED    ok        -        ok         ok      ok         ok     ok      ok
            CLOSED      -         -        -          -       -          -      -       -
            CANCELLED   -         -        -          -       -          -      -       -
            RETURNED    ok        ok       ok         -       ok         -      -       ok
            REOPENED    ok        ok       ok         -       ok         -      -       ok
            PARKED      -         -        -          -       ok         -      -       -
            """;

    static Stream<Arguments> everyStateAgainstEveryCommand() {
        return Stream.concat(rows(TABLE), rows(STATE_KEEPING_TABLE));
    }

    private static Stream<Arguments> rows(String table) {
        List<String> lines = table.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<CaseCommand> commands = Arrays.stream(lines.get(0).split("\\s+")).map(CaseCommand::valueOf).toList();
        List<Arguments> pairs = new ArrayList<>();
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split("\\s+");
            CaseStatus state = CaseStatus.valueOf(cells[0]);
            for (int column = 0; column < commands.size(); column++) {
                String target = cells[column + 1];
                CaseStatus expected = switch (target) {
                    case "-" -> null;
                    case "ok" -> state;
                    default -> CaseStatus.valueOf(target);
                };
                pairs.add(Arguments.of(state, commands.get(column), expected));
            }
        }
        return pairs.stream();
    }

    @Test
    void givenTheWorkflowTable_thenItCoversEveryStateAndEveryCommand() {
        assertThat(everyStateAgainstEveryCommand()).hasSize(CaseStatus.values().length * CaseCommand.values().length);
        assertThat(everyStateAgainstEveryCommand().map(arguments -> List.of(arguments.get()[0], arguments.get()[1])))
                .doesNotHaveDuplicates();
    }

    @Test
    void givenTheWorkflowTable_thenItSaysWhatTheCommandsSay() {
        everyStateAgainstEveryCommand().forEach(arguments -> {
            CaseStatus state = (CaseStatus) arguments.get()[0];
            CaseCommand command = (CaseCommand) arguments.get()[1];
            assertThat(command.allowedFrom(state)).as("%s from %s", command, state)
                    .isEqualTo(arguments.get()[2] != null);
        });
    }

    @ParameterizedTest(name = "{1} on a {0} case → {2}")
    @MethodSource("everyStateAgainstEveryCommand")
    void givenACaseInAState_whenACommandRuns_thenItLeadsToItsTargetStateOrIsRefusedWithAReason(CaseStatus state, CaseCommand command,
            CaseStatus expected) {
        Case aCase = caseIn(state);

        if (expected != null) {
            List<CaseEvent> events = run(command, aCase);

            assertThat(aCase.status()).isEqualTo(expected);
            assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(event.facts().status()).isEqualTo(expected));
            assertThat(aCase.history()).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(command.name());
                assertThat(entry.from()).isEqualTo(state);
                assertThat(entry.to()).isEqualTo(expected);
            });
        } else {
            assertThatThrownBy(() -> run(command, aCase))
                    .isInstanceOf(InvalidStateException.class)
                    .hasMessageStartingWith("A case in state " + state + " cannot be ");
            assertThat(aCase.status()).isEqualTo(state);
            assertThat(aCase.version()).isEqualTo(VERSION);
            assertThat(aCase.history()).isEmpty();
        }
    }

    @Test
    void givenAClosedCase_whenDispatched_thenTheRefusalSaysInWordsWhatIsWrongAndWhatWouldBeAllowed() {
        assertThatThrownBy(() -> caseIn(CaseStatus.CLOSED).dispatch(HOUSING, "dispatcher-1", null, NOW))
                .isInstanceOf(InvalidStateException.class)
                .hasMessage("A case in state CLOSED cannot be dispatched; only a case that is ACCEPTED or RETURNED"
                        + " or REOPENED can");
    }

    @Test
    void givenACase_whenACommandRuns_thenTheVersionAdvancesByOneAndItsEventCarriesIt() {
        Case aCase = caseIn(CaseStatus.REPORTED);

        CaseAccepted accepted = aCase.accept("dispatcher-1", null, NOW);

        assertThat(aCase.version()).isEqualTo(VERSION + 1);
        assertThat(accepted.aggregateVersion()).isEqualTo(VERSION + 1);
        assertThat(accepted.acceptedBy()).isEqualTo("dispatcher-1");
        assertThat(aCase.history()).singleElement()
                .isEqualTo(new CaseHistoryEntry(VERSION + 1, "ACCEPT", CaseStatus.REPORTED, CaseStatus.ACCEPTED,
                        "dispatcher-1", NOW, null));
    }

    @Test
    void givenAnUnlocatedCase_whenLocated_thenItMovesIntoTheGridsAreaAndSaysWhereItWasHeld() {
        Case aCase = caseIn(CaseStatus.ACCEPTED);
        String heldBy = aCase.orgPath();

        CaseLocated located = aCase.locate(new GeoPoint(119.0216, 33.6014), " 健康东路路口 ", CHENGNAN_GRID,
                "dispatcher-1", NOW);

        assertThat(aCase.isLocated()).isTrue();
        assertThat(aCase.gridCode()).isEqualTo("32081200100100101");
        assertThat(aCase.communityId()).isEqualTo("qjp-pulou-chengnan");
        assertThat(aCase.streetId()).isEqualTo("qjp-pulou");
        assertThat(aCase.orgPath()).isEqualTo(CHENGNAN);
        assertThat(aCase.locationDescription()).isEqualTo("健康东路路口");
        assertThat(located.previousOrgPath()).isEqualTo(heldBy);
        assertThat(located.orgPath()).isEqualTo(CHENGNAN);
        assertThat(located.facts().location()).isEqualTo(new GeoPoint(119.0216, 33.6014));
        assertThat(located.aggregateVersion()).isEqualTo(VERSION + 1);
        assertThatThrownBy(() -> aCase.locate(new GeoPoint(119.0, 33.6), null, CHENGNAN_GRID, "dispatcher-1", NOW))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("already located");
    }

    @Test
    void givenAnAcceptedCase_whenDispatched_thenTheAssigneeIsNamedInTheEventAndInItsFacts() {
        Case aCase = caseIn(CaseStatus.ACCEPTED);

        CaseDispatched dispatched = aCase.dispatch(HOUSING, "dispatcher-1", "三天内清运", NOW);

        assertThat(dispatched.assignee()).isEqualTo(HOUSING);
        assertThat(dispatched.facts().assignee()).isEqualTo(HOUSING);
        assertThat(dispatched.note()).isEqualTo("三天内清运");
        assertThat(aCase.assignee()).isEqualTo(HOUSING);
    }

    @Test
    void givenADispatchedCase_whenClaimed_thenTheFactsKeepTheAssignee() {
        CaseClaimed claimed = caseIn(CaseStatus.DISPATCHED).claim("housing-1", NOW);

        assertThat(claimed.assignee()).isEqualTo(HOUSING);
        assertThat(claimed.facts().assignee()).isEqualTo(HOUSING);
        assertThat(claimed.claimedBy()).isEqualTo("housing-1");
    }

    @Test
    void givenAClaimedCase_whenReturned_thenItSaysWhoItCameFromAndIsLeftUnassigned() {
        Case aCase = caseIn(CaseStatus.CLAIMED);

        CaseReturned returned = aCase.returnToDispatcher("housing-1", "属城管职责", NOW);

        assertThat(returned.returnedFrom()).isEqualTo(HOUSING);
        assertThat(returned.facts().assignee()).isNull();
        assertThat(aCase.assignee()).isNull();
        assertThat(aCase.history()).last().extracting(CaseHistoryEntry::note).isEqualTo("属城管职责");
    }

    @Test
    void givenAResolvedCase_whenTheCheckPasses_thenItIsVerifiedThenClosedEachWithItsOwnVersion() {
        Case aCase = caseIn(CaseStatus.RESOLVED);

        List<CaseEvent> events = aCase.verify(true, "grid-worker-1", "现场已清理", NOW);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(CaseVerified.class, verified -> {
            assertThat(verified.passed()).isTrue();
            assertThat(verified.aggregateVersion()).isEqualTo(VERSION + 1);
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(CaseClosed.class, closed -> {
            assertThat(closed.aggregateVersion()).isEqualTo(VERSION + 2);
            assertThat(closed.handlingTime()).isEqualTo(Duration.ofHours(1));
        });
        assertThat(aCase.version()).isEqualTo(VERSION + 2);
    }

    @Test
    void givenAResolvedCase_whenTheCheckFails_thenTheCaseReopensForRework() {
        Case aCase = caseIn(CaseStatus.RESOLVED);

        List<CaseEvent> events = aCase.verify(false, "grid-worker-1", "垃圾仍在", NOW);

        assertThat(events.get(1)).isInstanceOfSatisfying(CaseReopened.class, reopened -> {
            assertThat(reopened.cause()).isEqualTo(ReopenCause.VERIFICATION_FAILED);
            assertThat(reopened.reason()).isEqualTo("垃圾仍在");
        });
        assertThat(aCase.status()).isEqualTo(CaseStatus.REOPENED);
    }

    @Test
    void givenNoReasonOrNote_whenCancellingReturningParkingOrFailingACheck_thenRefused() {
        assertThatThrownBy(() -> caseIn(CaseStatus.REPORTED).cancel("dispatcher-1", " ", NOW))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> caseIn(CaseStatus.CLAIMED).returnToDispatcher("housing-1", null, NOW))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> caseIn(CaseStatus.ACCEPTED).park("dispatcher-1", "", NOW))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> caseIn(CaseStatus.RESOLVED).verify(false, "grid-worker-1", null, NOW))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void givenAResidentsCase_whenItGoesTheWholePath_thenNoEventNamesTheReporter() {
        Case aCase = caseIn(CaseStatus.REPORTED);
        List<CaseEvent> events = new ArrayList<>();
        events.add(aCase.accept("dispatcher-1", null, NOW));
        events.add(aCase.dispatch(HOUSING, "dispatcher-1", null, NOW));
        events.add(aCase.claim("housing-1", NOW));
        events.add(aCase.resolve("housing-1", "已清运", List.of("photos/after-1.jpg"), NOW));
        events.addAll(aCase.verify(true, "grid-worker-1", null, NOW));

        assertThat(events).extracting(CaseEvent::toString).noneMatch(text -> text.contains("resident-1"));
        assertThat(events).extracting(event -> event.facts().status()).last().isEqualTo(CaseStatus.CLOSED);
    }

    private static List<CaseEvent> run(CaseCommand command, Case aCase) {
        return switch (command) {
            case ACCEPT -> List.of(aCase.accept("dispatcher-1", null, NOW));
            case CANCEL -> List.of(aCase.cancel("dispatcher-1", "重复上报", NOW));
            case DISPATCH -> List.of(aCase.dispatch(HOUSING, "dispatcher-1", null, NOW));
            case CLAIM -> List.of(aCase.claim("housing-1", NOW));
            case RETURN -> List.of(aCase.returnToDispatcher("housing-1", "不属本部门职责", NOW));
            case RESOLVE -> List.of(aCase.resolve("housing-1", "已清运", List.of(), NOW));
            case PASS_VERIFICATION -> aCase.verify(true, "grid-worker-1", null, NOW);
            case FAIL_VERIFICATION -> aCase.verify(false, "grid-worker-1", "垃圾仍在", NOW);
            case PARK -> List.of(aCase.park("dispatcher-1", "需列入旧改计划", NOW));
            case REOPEN -> List.of(aCase.reopen(ReopenCause.STAFF_REVIEW, "复核发现问题仍在", null, "street-1", NOW));
            case ESCALATE -> List.of(aCase.escalate("dispatcher-1", "涉及多个部门，社区无法协调", NOW));
            case WHISTLE -> List.of(aCase.whistle(List.of("dept-ecology"), "dispatcher-1", "油烟扰民需环保到场", NOW));
            case REPORT_IN -> List.of(aCase.reportIn("dept-urban", "urban-1", NOW));
            case EXTEND -> List.of(aCase.extend(null, TimeLimit.workingHours(4), "需协调物业", "street-1", NOW));
            case SUPERVISE -> List.of(aCase.supervise("street-1", "请加快办理", NOW));
            case PAUSE -> List.of(aCase.pause("housing-1", "等待居民补充照片", NOW));
            case RESUME -> {
                aCase.pause("housing-1", "等待居民补充照片", NOW);
                yield List.of(aCase.resume("housing-1", NOW));
            }
            case LOCATE -> List.of(aCase.locate(new GeoPoint(119.0213, 33.6012), null, CHENGNAN_GRID, "dispatcher-1",
                    NOW));
            case TAKE_UP -> List.of(aCase.takeUp("dispatcher-1", "旧改计划已批复", NOW));
        };
    }

    /**
     * A case at version 7 in {@code state}, held by dept-housing wherever a case has an assignee,
     * with the clocks a case in that state has (the running stage started half an hour ago) and
     * dept-urban summoned to it but not yet reported in.
     */
    static Case caseIn(CaseStatus state) {
        boolean assigned = switch (state) {
            case DISPATCHED, CLAIMED, RESOLVED, CLOSED, REOPENED -> true;
            default -> false;
        };
        Instant started = NOW.minus(Duration.ofMinutes(30));
        Instant earlier = NOW.minus(Duration.ofHours(1));
        int stagesDone = switch (state) {
            case REPORTED, CANCELLED -> 0;
            case ACCEPTED, DISPATCHED, RETURNED, PARKED -> 1;
            case CLAIMED -> 2;
            case RESOLVED, CLOSED, REOPENED -> 3;
        };
        boolean lastRuns = switch (state) {
            case ACCEPTED, DISPATCHED, CLAIMED, RESOLVED -> true;
            default -> false;
        };
        List<StageClock> clocks = new ArrayList<>();
        List<TimeLimit> limits = List.of(TimeLimit.workingHours(2), TimeLimit.workingDays(1), TimeLimit.workingDays(1));
        StageClock.Stage[] stages = StageClock.Stage.values();
        for (int i = 0; i < stages.length; i++) {
            StageClock clock = StageClock.notStarted(stages[i], limits.get(i));
            if (i < stagesDone) {
                boolean running = lastRuns && i == stagesDone - 1;
                clock = running ? clock.start(started) : clock.start(earlier).stop(started);
            }
            clocks.add(clock);
        }
        Case aCase = new Case("case-1", "GR-20261121-000001", "EXPOSED_RUBBISH", "暴露垃圾", "垃圾堆积",
                new GeoPoint(119.0213, 33.6012), "浦楼路口", Channel.RESIDENT_APP, "resident-1", CHENGNAN,
                HandlingLevel.COMMUNITY, state, NOW.minusSeconds(3600), VERSION, assigned ? HOUSING : null, List.of(),
                false, clocks, ChinaCalendar2026.calendar());
        aCase.restore(Placement.unlocated("not located in this test"), null, null, false, false,
                List.of(new Summons("dept-urban", earlier, null, null)), List.of());
        return aCase;
    }
}
