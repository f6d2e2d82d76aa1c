package org.grassroots.contracts.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlingLevelTest {

    @ParameterizedTest(name = "{0} escalates to {1}")
    @CsvSource({"GRID, COMMUNITY", "COMMUNITY, STREET", "STREET, DISTRICT"})
    void givenLevelBelowDistrict_whenAskingForTheNext_thenItIsTheLevelAbove(HandlingLevel level, HandlingLevel above) {
        assertThat(level.next()).contains(above);
    }

    @ParameterizedTest
    @CsvSource("DISTRICT")
    void givenDistrictLevel_whenAskingForTheNext_thenThereIsNone(HandlingLevel level) {
        assertThat(level.next()).isEmpty();
    }
}
