package org.grassroots.platform;

import org.grassroots.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The domain's exceptions, which every service's aggregates throw, stay plain Java. */
class ArchitectureRulesTest {

    @Test
    void givenTheDomainExceptions_whenTheirDependenciesAreChecked_thenTheyNeedNothingButJava() {
        ArchitectureRules.domainExceptionsArePlainJava().check(ArchitectureRules.mainClassesOf("org.grassroots.platform"));
    }

    @Test
    void givenThisModulesTests_whenTheirNamesAreChecked_thenEachReadsGivenWhenThen() {
        ArchitectureRules.checkTestNames("org.grassroots.platform");
    }
}
