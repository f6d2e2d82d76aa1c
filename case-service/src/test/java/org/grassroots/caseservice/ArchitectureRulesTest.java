package org.grassroots.caseservice;

import java.util.Map;

import org.grassroots.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * case-service keeps the platform's structural rules (docs/architecture.md, "Rules the build checks").
 * The exceptions are code that others were changing while the rules came in; each says what is left.
 */
class ArchitectureRulesTest {

    @Test
    void givenTheServicesMainClasses_whenTheRulesAreChecked_thenNoneIsBroken() {
        ArchitectureRules.checkService("org.grassroots.caseservice", Map.of(
                "org.grassroots.caseservice.cases.StageClock",
                "Spring Data's @PersistenceCreator on its constructor; a document mapper would take it",
                "org.grassroots.caseservice.cases.CaseSort",
                "turns the list's sort into Spring Data's Sort; belongs beside the store query",
                "org.grassroots.caseservice.changes.CaseChangesController",
                "a controller outside a web package; moves to changes/web",
                "org.grassroots.caseservice.changes.ChangeStreams",
                "holds the SSE emitters (web types); moves to changes/web with its controller",
                "org.grassroots.caseservice.changes.CaseAudience",
                "reads the store (MongoTemplate) without being a bean or repository"));
    }
}
