package org.grassroots.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void givenCaseEventsTopic_whenAskingForItsDeadLetterTopic_thenDltSuffixIsAdded() {
        assertThat(Topics.deadLetter(Topics.CASE_EVENTS)).isEqualTo("case-events.DLT");
    }

    @Test
    void givenBlankTopic_whenAskingForItsDeadLetterTopic_thenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.deadLetter(" "));
    }

    @Test
    void givenAllTopics_whenListed_thenEveryProducingServiceHasOne() {
        assertThat(Topics.ALL).containsExactly(
                "case-events", "grid-events", "org-events", "volunteer-events", "evaluation-events");
    }

    @Test
    void givenEveryRegisteredEventType_whenItsTopicIsLookedUp_thenItIsAKnownTopic() {
        for (String type : EventCatalog.types()) {
            assertThat(Topics.ALL).contains(EventCatalog.topicOf(EventCatalog.classOf(type)));
        }
    }
}
