package org.grassroots.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;

import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseFacts;
import org.grassroots.contracts.cases.CaseOverdue;
import org.grassroots.contracts.cases.CaseSlaWarning;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    private static List<Class<?>> caseEventClasses() {
        return Arrays.asList(CaseEvent.class.getPermittedSubclasses());
    }

    @Test
    void givenEveryCaseEventRecord_whenLookingUpItsType_thenItIsRegistered() {
        for (Class<?> eventClass : caseEventClasses()) {
            assertThat(EventCatalog.typeOf(eventClass.asSubclass(IntegrationEvent.class)))
                    .as("type of %s", eventClass.getSimpleName())
                    .startsWith("org.grassroots.case.");
        }
    }

    @Test
    void givenEveryCaseEventRecord_whenLookingUpItsTopic_thenItIsCaseEvents() {
        for (Class<?> eventClass : caseEventClasses()) {
            assertThat(EventCatalog.topicOf(eventClass)).as("topic of %s", eventClass.getSimpleName())
                    .isEqualTo(Topics.CASE_EVENTS);
        }
    }

    @Test
    void givenEveryCaseEventClass_whenInspected_thenItIsARecord() {
        assertThat(caseEventClasses()).isNotEmpty().allMatch(Class::isRecord);
    }

    @Test
    void givenCaseEventRecords_whenTheirTypesAreCollected_thenEachTypeIsUnique() {
        List<String> types = caseEventClasses().stream()
                .map(eventClass -> EventCatalog.typeOf(eventClass.asSubclass(IntegrationEvent.class)))
                .toList();

        assertThat(types).doesNotHaveDuplicates().hasSameSizeAs(caseEventClasses());
    }

    @Test
    void givenRegisteredTypes_whenMappedToClassesAndBack_thenTheSameTypeComesOut() {
        for (String type : EventCatalog.types()) {
            assertThat(EventCatalog.typeOf(EventCatalog.classOf(type))).isEqualTo(type);
        }
    }

    @Test
    void givenRegisteredTypes_whenNamesAreChecked_thenEachIsAggregateDotPastTenseKebab() {
        assertThat(EventCatalog.types())
                .allMatch(type -> type.matches("org\\.grassroots\\.[a-z]+\\.[a-z]+(-[a-z]+)*"));
    }

    @Test
    void givenSlaSignals_whenLookingUpTheirTypes_thenTheyReadAsDocumented() {
        assertThat(EventCatalog.typeOf(CaseSlaWarning.class)).isEqualTo("org.grassroots.case.sla-warning");
        assertThat(EventCatalog.typeOf(CaseOverdue.class)).isEqualTo("org.grassroots.case.overdue");
    }

    @Test
    void givenUnknownType_whenClassIsLookedUp_thenErrorNamesTheType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventCatalog.classOf("org.grassroots.case.teleported"))
                .withMessageContaining("org.grassroots.case.teleported");
    }

    @Test
    void givenUnknownType_whenFound_thenEmptySoAnOlderConsumerCanSkipIt() {
        assertThat(EventCatalog.find("org.grassroots.case.teleported")).isEmpty();
    }

    @Test
    void givenClassThatIsNotAnEvent_whenTopicIsLookedUp_thenErrorNamesTheClass() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventCatalog.topicOf(CaseFacts.class))
                .withMessageContaining(CaseFacts.class.getName());
    }
}
