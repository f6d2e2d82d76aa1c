package org.grassroots.evaluationservice.propertycompanies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/** A property company's inspections: one per month, corrected in place, refused out of range. */
class PropertyCompanyTest {

    @Test
    void givenAnUninspectedCompany_whenInspectedTwiceInOneMonth_thenTheLaterScoreReplacesTheFirstAndNoEventIsProduced() {
        PropertyCompany company = PropertyCompany.uninspected("pc-qingpu-wuye");

        assertThat(company.inspect(new PropertyCompany.Inspection("2026-03", 70, null, "u1"))).isEmpty();
        assertThat(company.inspect(new PropertyCompany.Inspection("2026-01", 90, null, "u1"))).isEmpty();
        company.inspect(new PropertyCompany.Inspection("2026-03", 80, "复查", "u2"));

        assertThat(company.version()).isEqualTo(3);
        assertThat(company.inspections()).extracting(PropertyCompany.Inspection::month).containsExactly("2026-01", "2026-03");
        assertThat(company.inspectionsOf(YearMonth.of(2026, 1), 3))
                .extracting(PropertyCompany.Inspection::score).containsExactly(90, 80);
        assertThat(company.inspectionsOf(YearMonth.of(2026, 4), 3)).isEmpty();
    }

    @Test
    void givenAScoreAboveOneHundred_whenInspected_thenRefusedNamingTheScoreAndNothingChanges() {
        PropertyCompany company = PropertyCompany.uninspected("pc-qingpu-wuye");

        assertThatThrownBy(() -> company.inspect(new PropertyCompany.Inspection("2026-03", 101, null, "u1")))
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("score");
        assertThat(company.version()).isZero();
        assertThat(company.inspections()).isEmpty();
    }
}
