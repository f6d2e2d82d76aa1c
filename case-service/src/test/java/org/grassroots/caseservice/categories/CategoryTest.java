package org.grassroots.caseservice.categories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.caseservice.categories.CategoryAttribute.Datatype;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;

class CategoryTest {

    static final CategoryLimits NORMAL = CategoryLimits.parse("2h", "1d", "1d", "limits");
    static final CategoryLimits EMERGENCY = CategoryLimits.parse("10m", "240m", "120m", "emergencyLimits");

    static final CategoryAttribute STILL_FLOWING =
            new CategoryAttribute("waterStillFlowing", "是否仍在冒水", Datatype.BOOLEAN, true, null, null);
    static final CategoryAttribute HOUSEHOLDS =
            new CategoryAttribute("householdsWithoutWater", "停水户数", Datatype.NUMBER, false, null, null);
    static final CategoryAttribute PIPE = new CategoryAttribute("pipe", "管道类型", Datatype.SINGLE_VALUE, false,
            List.of("主管", "入户管"), null);
    static final CategoryAttribute SEEN = new CategoryAttribute("seenAt", "发现时间", Datatype.DATETIME, false, null, null);
    static final CategoryAttribute NEARBY = new CategoryAttribute("nearby", "附近设施", Datatype.MULTI_VALUE, false,
            List.of("学校", "医院", "菜场"), null);
    static final CategoryAttribute NOTE = new CategoryAttribute("note", "补充说明", Datatype.STRING, false, null, null);

    static CategoryDefinition burstPipe(List<CategoryAttribute> attributes) {
        return new CategoryDefinition("供水管道爆裂", "Burst water pipe", CategoryKind.COMPLAINT, HandlingLevel.COMMUNITY,
                "dept-water", NORMAL, EMERGENCY, attributes);
    }

    static final Category BURST_PIPE = Category.define("BURST_WATER_PIPE",
            burstPipe(List.of(STILL_FLOWING, HOUSEHOLDS, PIPE, SEEN, NEARBY, NOTE)));

    static List<String> fieldsOf(InvalidFieldException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void givenANewCategory_thenItIsActiveAtVersionOne() {
        assertThat(BURST_PIPE.isActive()).isTrue();
        assertThat(BURST_PIPE.version()).isEqualTo(1);
        assertThat(BURST_PIPE.startingLevel()).isEqualTo(HandlingLevel.COMMUNITY);
    }

    @Test
    void givenACodeNotInUpperCaseWithUnderscores_whenDefined_thenRefusedOnCode() {
        assertThatThrownBy(() -> Category.define("burst-pipe", burstPipe(List.of())))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("code"));
    }

    @Test
    void givenADefinitionMissingEssentials_whenBuilt_thenEveryOneIsReportedAtOnce() {
        assertThatThrownBy(() -> new CategoryDefinition(" ", null, null, null, "Dept Urban", null, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(fieldsOf(e))
                        .containsExactly("name", "kind", "startingLevel", "departmentId", "limits"));
    }

    @Test
    void givenACommunityHandledCategory_whenDefined_thenItNeedsNoDepartment() {
        CategoryDefinition dispute = new CategoryDefinition("邻里纠纷", null, CategoryKind.COMPLAINT, HandlingLevel.GRID,
                " ", NORMAL, null, List.of());

        assertThat(dispute.departmentId()).isNull();
        assertThat(dispute.emergencyLimits()).isNull();
    }

    @Test
    void givenResolvingShorterThanRespondingInTheSameUnit_whenDefined_thenRefusedOnTheResolveLimit() {
        CategoryLimits backwards = CategoryLimits.parse("8h", "4h", "1d", "limits");

        assertThatThrownBy(() -> new CategoryDefinition("路灯损坏", null, CategoryKind.COMPLAINT,
                HandlingLevel.COMMUNITY, "dept-urban", backwards, null, List.of()))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("limits.resolve"));
    }

    @Test
    void givenLimitsInDifferentUnits_whenParsed_thenTheyAreNotCompared() {
        // 1 working day and 4 working hours depend on the calendar; both are plausible settings.
        CategoryLimits limits = CategoryLimits.parse("1d", "4h", "1d", "limits");

        assertThat(limits.resolve()).isEqualTo(TimeLimit.workingHours(4));
    }

    @Test
    void givenAnEmergencyTierResolvingFasterThanResponding_whenDefined_thenRefusedByTheSameRule() {
        CategoryLimits backwards = CategoryLimits.parse("30m", "10m", "60m", "emergencyLimits");

        assertThatThrownBy(() -> new CategoryDefinition("供水管道爆裂", null, CategoryKind.COMPLAINT,
                HandlingLevel.COMMUNITY, "dept-water", NORMAL, backwards, List.of()))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("emergencyLimits.resolve"));
    }

    @Test
    void givenUnreadableLimits_whenParsed_thenEachIsNamedByField() {
        assertThatThrownBy(() -> CategoryLimits.parse("2x", null, "0d", "limits"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(fieldsOf(e))
                        .containsExactly("limits.respond", "limits.resolve", "limits.verify"));
    }

    @Test
    void givenAllowedValuesOnATextQuestion_whenDefined_thenRefusedAsTheyAreOnlyForChoiceQuestions() {
        CategoryAttribute text = new CategoryAttribute("poleNumber", "路灯杆编号", Datatype.STRING, false,
                List.of("A", "B"), null);

        assertThatThrownBy(() -> burstPipe(List.of(text)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("attributes[0].allowedValues"));
    }

    @Test
    void givenChoiceQuestionsWithoutChoicesOrWithRepeatedOrBlankOnes_whenDefined_thenEachIsRefused() {
        CategoryAttribute none = new CategoryAttribute("pipe", "管道类型", Datatype.SINGLE_VALUE, false, List.of(), null);
        CategoryAttribute twice = new CategoryAttribute("nearby", "附近设施", Datatype.MULTI_VALUE, false,
                List.of("学校", "学校"), null);
        CategoryAttribute blank = new CategoryAttribute("kind", "类型", Datatype.SINGLE_VALUE, false,
                Arrays.asList("主管", null), null);

        assertThatThrownBy(() -> burstPipe(List.of(none, twice, blank)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(fieldsOf(e)).containsExactly(
                        "attributes[0].allowedValues", "attributes[1].allowedValues", "attributes[2].allowedValues"));
    }

    @Test
    void givenTwoQuestionsWithOneCode_whenDefined_thenRefusedAsCodesAreUniqueWithinACategory() {
        CategoryAttribute again = new CategoryAttribute("waterStillFlowing", "还在流水吗", Datatype.BOOLEAN, false,
                null, null);

        assertThatThrownBy(() -> burstPipe(List.of(STILL_FLOWING, again)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(fieldsOf(e)).containsExactly("attributes[1].code"));
    }

    @Test
    void givenAQuestionWithoutAValidCodeALabelOrADatatype_whenDefined_thenEachIsNamed() {
        CategoryAttribute empty = new CategoryAttribute("Floor No", "", null, false, null, null);

        assertThatThrownBy(() -> burstPipe(List.of(empty)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(fieldsOf(e))
                        .containsExactly("attributes[0].code", "attributes[0].label", "attributes[0].datatype"));
    }

    @Test
    void givenACategory_whenRevised_thenTheVersionMovesOnAndTheCodeStays() {
        Category revised = BURST_PIPE.revise(burstPipe(List.of(STILL_FLOWING)));

        assertThat(revised.code()).isEqualTo("BURST_WATER_PIPE");
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.definition().attributes()).containsExactly(STILL_FLOWING);
    }

    @Test
    void givenACategory_whenRetired_thenItStaysButIsNoLongerActive() {
        Category retired = BURST_PIPE.retire();

        assertThat(retired.isActive()).isFalse();
        assertThat(retired.version()).isEqualTo(2);
        assertThat(retired.name()).isEqualTo("供水管道爆裂");
    }

    @Test
    void givenARetiredCategory_whenRetiredAgain_thenRefused() {
        Category retired = BURST_PIPE.retire();

        assertThatThrownBy(retired::retire).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void givenAnEmergency_whenLimitsAreChosen_thenTheEmergencyTierIsUsedWhereThereIsOne() {
        Category dispute = Category.define("NEIGHBOUR_DISPUTE", new CategoryDefinition("邻里纠纷", null,
                CategoryKind.COMPLAINT, HandlingLevel.GRID, null, NORMAL, null, List.of()));

        assertThat(BURST_PIPE.limitsFor(true).respond()).isEqualTo(TimeLimit.minutes(10));
        assertThat(BURST_PIPE.limitsFor(false).respond()).isEqualTo(TimeLimit.workingHours(2));
        assertThat(dispute.limitsFor(true)).isEqualTo(NORMAL);
    }

    @Test
    void givenCompleteAndWellFormedAnswers_whenChecked_thenTheyPass() {
        Map<String, Object> answers = Map.of(
                "waterStillFlowing", true,
                "householdsWithoutWater", 36,
                "pipe", "主管",
                "seenAt", "2026-11-21T06:40:00+08:00",
                "nearby", List.of("学校", "菜场"),
                "note", "路面已开始结冰");

        assertThat(BURST_PIPE.checkAnswers(answers)).isEmpty();
    }

    @Test
    void givenOptionalQuestionsLeftOut_whenChecked_thenTheAnswersPass() {
        assertThat(BURST_PIPE.checkAnswers(Map.of("waterStillFlowing", false))).isEmpty();
    }

    @Test
    void givenARequiredAnswerMissing_whenChecked_thenItIsNamed() {
        assertThat(BURST_PIPE.checkAnswers(null))
                .containsExactly(new FieldError("answers.waterStillFlowing", "is required"));
        assertThat(BURST_PIPE.checkAnswers(Map.of("waterStillFlowing", " ")))
                .extracting(FieldError::field).containsExactly("answers.waterStillFlowing");
    }

    @Test
    void givenAnswersOfTheWrongKind_whenChecked_thenEachIsNamedWithItsReason() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("waterStillFlowing", "yes");
        answers.put("householdsWithoutWater", "about thirty");
        answers.put("pipe", "下水管");
        answers.put("seenAt", "this morning");
        answers.put("nearby", List.of("学校", "学校"));
        answers.put("note", 42);

        assertThat(BURST_PIPE.checkAnswers(answers)).containsExactly(
                new FieldError("answers.waterStillFlowing", "must be true or false"),
                new FieldError("answers.householdsWithoutWater", "must be a number"),
                new FieldError("answers.pipe", "must be one of [主管, 入户管]"),
                new FieldError("answers.seenAt", "must be an ISO-8601 date and time, e.g. 2026-11-21T09:30:00+08:00"),
                new FieldError("answers.nearby", "must be a list of distinct values from [学校, 医院, 菜场]"),
                new FieldError("answers.note", "must be text of at most 1000 characters"));
    }

    @Test
    void givenFormAnswersWrittenAsText_whenChecked_thenTheyAreUnderstood() {
        Map<String, Object> answers = Map.of("waterStillFlowing", "true", "householdsWithoutWater", "12",
                "seenAt", "2026-11-21T06:40:00");

        assertThat(BURST_PIPE.checkAnswers(answers)).isEmpty();
    }

    @Test
    void givenAnAnswerToAQuestionTheCategoryDoesNotAsk_whenChecked_thenItIsRefused() {
        Map<String, Object> answers = new HashMap<>(Map.of("waterStillFlowing", true));
        answers.put("floor", 3);

        assertThat(BURST_PIPE.checkAnswers(answers))
                .containsExactly(new FieldError("answers.floor", "is not a question of category BURST_WATER_PIPE"));
    }

    @Test
    void givenALongTextAnswer_whenChecked_thenItIsRefused() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            parts.add("0123456789");
        }
        Map<String, Object> answers = Map.of("waterStillFlowing", true, "note", String.join("", parts));

        assertThat(BURST_PIPE.checkAnswers(answers)).extracting(FieldError::field).containsExactly("answers.note");
    }
}
