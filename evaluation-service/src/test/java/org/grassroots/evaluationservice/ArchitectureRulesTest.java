package org.grassroots.evaluationservice;

import java.util.Map;

import org.grassroots.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** evaluation-service keeps the platform's structural rules (docs/architecture.md, "Rules the build checks"). */
class ArchitectureRulesTest {

    @Test
    void givenTheServicesMainClasses_whenTheRulesAreChecked_thenNoneIsBroken() {
        ArchitectureRules.checkService("org.grassroots.evaluationservice", Map.of());
    }

    @Test
    void givenTheServicesTests_whenTheirNamesAreChecked_thenEachReadsGivenWhenThen() {
        ArchitectureRules.checkTestNames("org.grassroots.evaluationservice");
    }
}
