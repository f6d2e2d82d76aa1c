package org.grassroots.caseservice.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayYearTest {

    static final List<HolidayYear.Entry> NATIONAL_DAY = List.of(new HolidayYear.Entry("国庆节", "2027-10-01", "2027-10-07"));

    @Test
    void givenTheNotice2026_whenParsed_thenItHasThirtyThreeDaysOffAndSixMakeUpDays() {
        HolidayYear year = ChinaCalendar2026.year();

        assertThat(year.daysOff()).containsExactlyInAnyOrderElementsOf(ChinaCalendar2026.HOLIDAYS);
        assertThat(year.makeUpWorkdays()).containsExactlyElementsOf(ChinaCalendar2026.MAKE_UP_WORKDAYS);
    }

    @ParameterizedTest(name = "given {1}, when parsed, then the refusal names {0}")
    @CsvSource(delimiter = '|', value = {
            "holidays[1]       | 国庆 10-01..10-07 and 中秋 10-06..10-08 overlap",
            "holidays[0].from  | a from that is not a date",
            "holidays[0].to    | a to before its from",
            "holidays[0].from  | a date in another year",
            "holidays[0].name  | a holiday without a name",
            "makeUpWorkdays[0] | a make-up day on a weekday",
            "makeUpWorkdays[0] | a make-up day inside a holiday",
            "makeUpWorkdays[1] | the same make-up day twice",
            "holidays          | no holiday at all"})
    void givenAMalformedOrOverlappingEntry_whenParsed_thenTheRefusalNamesTheField(String field, String entry) {
        assertThatThrownBy(() -> parse(entry)).isInstanceOfSatisfying(InvalidFieldException.class,
                refused -> assertThat(refused.errors()).extracting(error -> error.field()).containsExactly(field));
    }

    @Test
    void givenANoticeWithSeveralMistakes_whenParsed_thenOneRefusalNamesEveryWrongField() {
        assertThatThrownBy(() -> HolidayYear.parse(2027, List.of(
                new HolidayYear.Entry(" ", "2027-10-32", "2027-10-07"),
                new HolidayYear.Entry("劳动节", "2027-05-01", "2027-05-05"),
                new HolidayYear.Entry("元旦", "2026-12-31", "2027-01-01"),
                new HolidayYear.Entry("五一调整", "2027-05-04", "2027-05-06")),
                List.of("2027-09-29", "not a day", "2027-05-02")))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused -> assertThat(refused.errors())
                        .extracting(error -> error.field())
                        .containsExactly("holidays[0].name", "holidays[0].from", "holidays[2].from", "holidays[3]",
                                "makeUpWorkdays[0]", "makeUpWorkdays[1]", "makeUpWorkdays[2]"));
    }

    static HolidayYear parse(String entry) {
        return switch (entry) {
            case "国庆 10-01..10-07 and 中秋 10-06..10-08 overlap" -> HolidayYear.parse(2027, List.of(
                    NATIONAL_DAY.get(0), new HolidayYear.Entry("中秋节", "2027-10-06", "2027-10-08")), List.of());
            case "a from that is not a date" -> HolidayYear.parse(2027,
                    List.of(new HolidayYear.Entry("国庆节", "2027-10-32", "2027-10-07")), List.of());
            case "a to before its from" -> HolidayYear.parse(2027,
                    List.of(new HolidayYear.Entry("国庆节", "2027-10-07", "2027-10-01")), List.of());
            case "a date in another year" -> HolidayYear.parse(2027,
                    List.of(new HolidayYear.Entry("元旦", "2026-12-31", "2027-01-01")), List.of());
            case "a holiday without a name" -> HolidayYear.parse(2027,
                    List.of(new HolidayYear.Entry(" ", "2027-10-01", "2027-10-07")), List.of());
            case "a make-up day on a weekday" -> HolidayYear.parse(2027, NATIONAL_DAY, List.of("2027-09-29"));
            case "a make-up day inside a holiday" -> HolidayYear.parse(2027, NATIONAL_DAY, List.of("2027-10-02"));
            case "the same make-up day twice" -> HolidayYear.parse(2027, NATIONAL_DAY, List.of("2027-09-26", "2027-09-26"));
            case "no holiday at all" -> HolidayYear.parse(2027, List.of(), List.of());
            default -> throw new IllegalArgumentException(entry);
        };
    }

    @Test
    void givenYearsEntered_whenAskedForTheYearsACountRunsInto_thenOnlyTheMissingOnesAreNamed() {
        HolidayYears years = new HolidayYears();
        years.replaceAll(List.of(ChinaCalendar2026.year()));
        WorkingCalendar calendar = WorkingCalendar.builder().build().withHolidayYears(years);

        assertThat(calendar.unconfiguredYears(Instant.parse("2026-12-28T01:00:00Z"), Instant.parse("2027-01-05T01:00:00Z")))
                .containsExactly(2027);
        assertThat(calendar.unconfiguredYears(Instant.parse("2026-10-01T01:00:00Z"), Instant.parse("2026-10-09T01:00:00Z")))
                .isEmpty();
        assertThat(WorkingCalendar.builder().build().unconfiguredYears(Instant.parse("2026-12-28T01:00:00Z"),
                Instant.parse("2027-01-05T01:00:00Z"))).isEmpty();
    }

    @Test
    void givenAYearEnteredLater_whenTheSnapshotIsReplaced_thenItsHolidaysCountAtOnce() {
        HolidayYears years = new HolidayYears();
        WorkingCalendar calendar = WorkingCalendar.builder().build().withHolidayYears(years);
        LocalDate nationalDayMonday = LocalDate.parse("2027-10-04");
        assertThat(calendar.isWorkingDay(nationalDayMonday)).isTrue();

        years.replaceAll(List.of(HolidayYear.parse(2027, NATIONAL_DAY, List.of("2027-09-26"))));

        assertThat(calendar.isWorkingDay(nationalDayMonday)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-09-26"))).isTrue();
    }
}
