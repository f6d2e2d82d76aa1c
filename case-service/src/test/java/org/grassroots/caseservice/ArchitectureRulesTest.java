package org.grassroots.caseservice;

import java.util.Map;

import org.grassroots.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * case-service keeps the platform's structural rules (docs/architecture.md, "Rules the build checks"),
 * with no exception.
 */
class ArchitectureRulesTest {

    @Test
    void givenTheServicesMainClasses_whenTheRulesAreChecked_thenNoneIsBroken() {
        ArchitectureRules.checkService("org.grassroots.caseservice", Map.of());
    }

    @Test
    void givenTheServicesTests_whenTheirNamesAreChecked_thenEachReadsGivenWhenThen() {
        ArchitectureRules.checkTestNames("org.grassroots.caseservice");
    }
}
