package org.grassroots.caseservice.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.ConsultationDecided;
import org.grassroots.contracts.cases.ConsultationFormat;
import org.grassroots.contracts.cases.ConsultationHeld;
import org.grassroots.contracts.cases.ConsultationPartDone;
import org.grassroots.contracts.cases.ConsultationPartyKind;
import org.grassroots.contracts.cases.ConsultationScheduled;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsultationTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:15:00Z");
    static final String FUQIAN = "/qjp/qjp-wangying/qjp-wangying-fuqian";
    static final Party HOUSING = new Party(ConsultationPartyKind.DEPARTMENT, "dept-housing", "区住建局");
    static final Party PROPERTY = new Party(ConsultationPartyKind.PROPERTY_COMPANY, "partner-fuqian-wuye", "府前物业");
    static final Party REPS = new Party(ConsultationPartyKind.RESIDENT_REPRESENTATIVE, "fuqian-b6-reps", "6号楼居民代表");
    static final Party MEMBER = new Party(ConsultationPartyKind.PARTY_MEMBER, "member-1", "党员王某");
    static final Party UNIT = new Party(ConsultationPartyKind.CO_BUILDING_UNIT, "partner-power", "区供电公司");
    static final Assignee TO_HOUSING = new Assignee(AssigneeKind.DEPARTMENT, "dept-housing", "区住建局");
    static final Assignee TO_GRID_WORKER = new Assignee(AssigneeKind.GRID_WORKER, "grid-worker-1", "网格员");

    /** Rows are the state a consultation is in, columns the command; "-" means refused, "ok" keeps the state. */
    static final String TABLE = """
                         HOLD  DECIDE   CANCEL     DISPATCH_PART  COMPLETE_PART
            SCHEDULED    HELD  -        CANCELLED  -              -
            HELD         -     DECIDED  CANCELLED  -              -
            DECIDED      -     -        -          ok             ok
            CARRIED_OUT  -     -        -          -              -
            CANCELLED    -     -        -          -              -
            """;

    static Stream<Arguments> everyStateAgainstEveryCommand() {
        List<String> lines = TABLE.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<ConsultationCommand> commands = Arrays.stream(lines.get(0).split("\\s+"))
                .map(ConsultationCommand::valueOf).toList();
        List<Arguments> pairs = new ArrayList<>();
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split("\\s+");
            ConsultationStatus state = ConsultationStatus.valueOf(cells[0]);
            for (int column = 0; column < commands.size(); column++) {
                String target = cells[column + 1];
                ConsultationStatus expected = switch (target) {
                    case "-" -> null;
                    case "ok" -> state;
                    default -> ConsultationStatus.valueOf(target);
                };
                pairs.add(Arguments.of(state, commands.get(column), expected));
            }
        }
        return pairs.stream();
    }

    @Test
    void givenTheTable_whenCounted_thenItCoversEveryStateAndEveryCommandOnce() {
        assertThat(everyStateAgainstEveryCommand())
                .hasSize(ConsultationStatus.values().length * ConsultationCommand.values().length);
        assertThat(everyStateAgainstEveryCommand().map(arguments -> List.of(arguments.get()[0], arguments.get()[1])))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "given a {0} consultation, when {1}, then {2}")
    @MethodSource("everyStateAgainstEveryCommand")
    void givenAConsultationInAState_whenACommandRuns_thenItLeadsToTheTableStateOrIsRefused(ConsultationStatus state,
            ConsultationCommand command, ConsultationStatus expected) {
        Consultation consultation = in(state);
        long before = consultation.version();

        assertThat(command.allowedFrom(state)).isEqualTo(expected != null);
        if (expected != null) {
            run(command, consultation);
            assertThat(consultation.status()).isEqualTo(expected);
            assertThat(consultation.version()).isEqualTo(before + 1);
        } else {
            assertThatThrownBy(() -> run(command, consultation)).isInstanceOf(InvalidStateException.class)
                    .hasMessageStartingWith("A consultation that is " + state + " cannot be ");
            assertThat(consultation.status()).isEqualTo(state);
            assertThat(consultation.version()).isEqualTo(before);
        }
    }

    @Test
    void givenADraft_whenScheduled_thenVersionOneCarriesTopicTimePlaceAndPartiesByKindAndIdOnly() {
        Consultation.Scheduled called = Consultation.schedule("c-1", "case-1", FUQIAN, draft(), "staff-1", NOW);

        ConsultationScheduled event = called.event();
        assertThat(called.consultation().status()).isEqualTo(ConsultationStatus.SCHEDULED);
        assertThat(event.aggregateVersion()).isEqualTo(1);
        assertThat(event.subject()).isEqualTo("c-1");
        assertThat(event.caseId()).isEqualTo("case-1");
        assertThat(event.format()).isEqualTo(ConsultationFormat.SMALL_STOOL);
        assertThat(event.invited()).extracting(party -> party.kind() + ":" + party.id())
                .containsExactly("DEPARTMENT:dept-housing", "PROPERTY_COMPANY:partner-fuqian-wuye",
                        "RESIDENT_REPRESENTATIVE:fuqian-b6-reps", "PARTY_MEMBER:member-1");
        assertThat(new String(new EventCodec().write(event))).doesNotContain("党员王某", "6号楼居民代表");
    }

    @Test
    void givenADraftWithoutTopicOrParties_whenScheduled_thenTheRefusalNamesTheField() {
        assertThatThrownBy(() -> Consultation.schedule("c-1", "case-1", FUQIAN, new Consultation.NewConsultation(
                ConsultationFormat.RED_HALL, " ", NOW, "议事厅", List.of(HOUSING)), "staff-1", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.getMessage()).contains("topic"));
        assertThatThrownBy(() -> Consultation.schedule("c-1", "case-1", FUQIAN, new Consultation.NewConsultation(
                ConsultationFormat.RED_HALL, "加装电梯", NOW, "议事厅", List.of()), "staff-1", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.getMessage()).contains("invited"));
        assertThatThrownBy(() -> Consultation.schedule("c-1", "case-1", FUQIAN, new Consultation.NewConsultation(
                ConsultationFormat.RED_HALL, "加装电梯", NOW, "议事厅", List.of(HOUSING, HOUSING)), "staff-1", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.getMessage()).contains("invited[1]"));
    }

    @Test
    void givenAScheduledConsultation_whenHeldWithAGuestNotInvited_thenWhoCameIsRecordedAndTheMinutesStayOutOfTheEvent() {
        Consultation consultation = in(ConsultationStatus.SCHEDULED);

        ConsultationHeld held = consultation.hold(List.of(HOUSING, REPS, UNIT), "居民代表同意改建，物业负责施工",
                NOW.minus(Duration.ofHours(1)), "staff-1", NOW);

        assertThat(held.attended()).hasSize(3);
        assertThat(held.heldAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(consultation.minutes()).isEqualTo("居民代表同意改建，物业负责施工");
        assertThat(new String(new EventCodec().write(held))).doesNotContain("居民代表同意");
    }

    @Test
    void givenAScheduledConsultation_whenHeldInTheFutureOrWithoutMinutes_thenRefusedNamingTheField() {
        assertThatThrownBy(() -> in(ConsultationStatus.SCHEDULED).hold(List.of(HOUSING), "纪要",
                NOW.plusSeconds(3600), "staff-1", NOW)).isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.getMessage()).contains("heldAt"));
        assertThatThrownBy(() -> in(ConsultationStatus.SCHEDULED).hold(List.of(HOUSING), null, null, "staff-1", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.getMessage()).contains("minutes"));
    }

    @Test
    void givenAHeldConsultation_whenDecided_thenThePartsAreNumberedAndCarryTheirParty() {
        Consultation consultation = in(ConsultationStatus.HELD);

        ConsultationDecided decided = consultation.decide("北门绿化带改建24个车位", List.of(
                new Consultation.PartDraft("出具审批意见", HOUSING), new Consultation.PartDraft("施工划线", PROPERTY)),
                "staff-1", NOW);

        assertThat(decided.parts()).extracting(part -> part.partId() + " " + part.carriedOutBy().id())
                .containsExactly("1 dept-housing", "2 partner-fuqian-wuye");
        assertThat(consultation.isDecided()).isTrue();
    }

    @Test
    void givenAHeldConsultation_whenAPartGoesToAPartyThatWasNotAtTheTable_thenRefusedNamingThePart() {
        Party stranger = new Party(ConsultationPartyKind.SOCIAL_ORGANIZATION, "partner-x", "某社会组织");

        assertThatThrownBy(() -> in(ConsultationStatus.HELD).decide("决定", List.of(
                new Consultation.PartDraft("施工", PROPERTY), new Consultation.PartDraft("捐助", stranger)),
                "staff-1", NOW)).isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.getMessage()).contains("parts[1].carriedOutBy"));
    }

    @Test
    void givenADecidedConsultation_whenADepartmentsPartGoesToAnotherDepartment_thenRefusedNamingTheAssignee() {
        Consultation consultation = in(ConsultationStatus.DECIDED);

        assertThatThrownBy(() -> consultation.dispatchPart("1",
                new Assignee(AssigneeKind.DEPARTMENT, "dept-urban", "城管局"), "staff-1", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.getMessage()).contains("assignee"));
        assertThatThrownBy(() -> consultation.dispatchPart("2", TO_HOUSING, "staff-1", NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.getMessage()).contains("assignee"));
    }

    @Test
    void givenADecidedConsultation_whenEveryPartIsDone_thenTheDecisionIsCarriedOut() {
        Consultation consultation = in(ConsultationStatus.DECIDED);
        consultation.dispatchPart("1", TO_HOUSING, "staff-1", NOW);
        consultation.dispatchPart("2", TO_GRID_WORKER, "staff-1", NOW);

        ConsultationPartDone first = consultation.completePart("1", "审批已出具", "housing-1", NOW);
        ConsultationPartDone last = consultation.completePart("2", "车位已划好", "grid-worker-1", NOW);

        assertThat(first.allPartsDone()).isFalse();
        assertThat(last.allPartsDone()).isTrue();
        assertThat(consultation.status()).isEqualTo(ConsultationStatus.CARRIED_OUT);
        assertThat(consultation.hasPartFor(AssigneeKind.DEPARTMENT, "dept-housing")).isTrue();
        assertThatThrownBy(() -> consultation.completePart("1", "again", "housing-1", NOW))
                .isInstanceOf(InvalidStateException.class);
    }

    @Test
    void givenADecidedConsultation_whenADonePartIsDispatchedAgain_thenRefused() {
        Consultation consultation = in(ConsultationStatus.DECIDED);
        consultation.completePart("1", "审批已出具", "staff-1", NOW);

        assertThatThrownBy(() -> consultation.dispatchPart("1", TO_HOUSING, "staff-1", NOW))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("already done");
    }

    static Consultation.NewConsultation draft() {
        return new Consultation.NewConsultation(ConsultationFormat.SMALL_STOOL, "北门停车位施划", NOW.plusSeconds(86_400),
                "6号楼前广场", List.of(HOUSING, PROPERTY, REPS, MEMBER));
    }

    static Consultation in(ConsultationStatus state) {
        Consultation consultation = Consultation.schedule("c-1", "case-1", FUQIAN, draft(), "staff-1",
                NOW.minus(Duration.ofDays(3))).consultation();
        if (state == ConsultationStatus.SCHEDULED) {
            return consultation;
        }
        if (state == ConsultationStatus.CANCELLED) {
            consultation.cancel("改期", "staff-1", NOW);
            return consultation;
        }
        consultation.hold(List.of(HOUSING, PROPERTY, REPS), "纪要", NOW.minus(Duration.ofDays(1)), "staff-1", NOW);
        if (state == ConsultationStatus.HELD) {
            return consultation;
        }
        consultation.decide("北门绿化带改建24个车位", List.of(new Consultation.PartDraft("出具审批意见", HOUSING),
                new Consultation.PartDraft("施工划线", PROPERTY)), "staff-1", NOW);
        if (state == ConsultationStatus.CARRIED_OUT) {
            consultation.completePart("1", "done", "staff-1", NOW);
            consultation.completePart("2", "done", "staff-1", NOW);
        }
        return consultation;
    }

    static void run(ConsultationCommand command, Consultation consultation) {
        switch (command) {
            case HOLD -> consultation.hold(List.of(HOUSING), "纪要", NOW, "staff-1", NOW);
            case DECIDE -> consultation.decide("决定", List.of(new Consultation.PartDraft("施工", PROPERTY)), "staff-1",
                    NOW);
            case CANCEL -> consultation.cancel("改期", "staff-1", NOW);
            case DISPATCH_PART -> consultation.dispatchPart("1", TO_HOUSING, "staff-1", NOW);
            case COMPLETE_PART -> consultation.completePart("1", "已完成", "staff-1", NOW);
        }
    }
}
