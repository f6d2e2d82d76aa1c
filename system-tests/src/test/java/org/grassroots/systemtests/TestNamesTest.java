package org.grassroots.systemtests;

import org.grassroots.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class TestNamesTest {

    @Test
    void givenThisModulesTests_whenTheirNamesAreChecked_thenEachReadsGivenWhenThen() {
        ArchitectureRules.checkTestNames("org.grassroots.systemtests");
    }
}
