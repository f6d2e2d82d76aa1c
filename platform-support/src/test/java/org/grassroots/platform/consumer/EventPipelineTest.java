package org.grassroots.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventCodecException;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.platform.outbox.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class EventPipelineTest {

    private final EventCodec codec = new EventCodec();
    private final EventPipeline pipeline = new EventPipeline(codec);
    private final List<String> applied = new ArrayList<>();

    @Test
    void givenARouteForTheType_whenConsumed_thenItsHandlerGetsTheEventAndItsEnvelope() {
        EventRoutes routes = EventRoutes.of("test")
                .on(CaseAccepted.class, (event, incoming) -> applied.add("accepted " + event.caseId() + " " + incoming.eventId()))
                .on(CaseReported.class, (event, incoming) -> applied.add("reported " + event.caseId()))
                .build();

        pipeline.consume(record("event-1", TestEvents.reported("case-1")), routes);
        pipeline.consume(record("event-2", TestEvents.accepted("case-1", 2)), routes);

        assertThat(applied).containsExactly("reported case-1", "accepted case-1 event-2");
    }

    @Test
    void givenARouteForAFamily_whenAnyTypeOfItArrives_thenTheRouteTakesIt() {
        EventRoutes routes = EventRoutes.of("test").on(CaseEvent.class, (event, incoming) -> applied.add(event.caseId()))
                .build();

        pipeline.consume(record("event-1", TestEvents.reported("case-1")), routes);
        pipeline.consume(record("event-2", TestEvents.accepted("case-2", 2)), routes);

        assertThat(applied).containsExactly("case-1", "case-2");
    }

    @Test
    void givenATypeWithoutARouteOrUnknownToThisVersion_whenConsumed_thenSkippedWithoutReadingThePayload() {
        EventRoutes routes = EventRoutes.of("test").on(CaseAccepted.class, (event, incoming) -> applied.add("accepted"))
                .build();

        assertThat(pipeline.consume(record("event-1", TestEvents.reported("case-1")), routes)).isEmpty();
        ConsumerRecord<String, byte[]> newer = record("event-2", "org.grassroots.case.teleported", "{not json");
        assertThat(pipeline.consume(newer, routes)).isEmpty();

        assertThat(applied).isEmpty();
    }

    @Test
    void givenARecordWithoutAnEnvelopeOrWithAnUnreadablePayload_whenConsumed_thenItIsRefusedForTheDeadLetterTopic() {
        EventRoutes routes = EventRoutes.of("test").on(CaseReported.class, (event, incoming) -> applied.add("reported"))
                .build();
        ConsumerRecord<String, byte[]> bare = new ConsumerRecord<>("case-events", 0, 0, "case-1", new byte[0]);

        assertThatThrownBy(() -> pipeline.consume(bare, routes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pipeline.consume(record("event-1", "org.grassroots.case.reported", "{not json"), routes))
                .isInstanceOf(EventCodecException.class);
        assertThat(applied).isEmpty();
    }

    @Test
    void givenAPollOfRecords_whenConsumedAsABatch_thenTheBatchHandlerGetsTheRoutedEventsInOrderAtOnce() {
        EventRoutes routes = EventRoutes.of("test").on(CaseReported.class, (event, incoming) -> applied.add("one by one"))
                .build();
        List<List<String>> batches = new ArrayList<>();

        pipeline.consumeBatch(List.of(record("event-1", TestEvents.reported("case-1")),
                        record("event-2", TestEvents.accepted("case-1", 2)), record("event-3", TestEvents.reported("case-2"))),
                routes, events -> batches.add(events.stream().map(IncomingEvent::eventId).toList()));

        assertThat(batches).containsExactly(List.of("event-1", "event-3"));
        assertThat(applied).isEmpty();
    }

    @Test
    void givenABatchHandlerThatFails_whenConsumed_thenTheRecordsAreAppliedOneByOneThroughTheRoutes() {
        EventRoutes routes = EventRoutes.of("test")
                .on(CaseReported.class, (event, incoming) -> applied.add("reported " + event.caseId())).build();

        pipeline.consumeBatch(List.of(record("event-1", TestEvents.reported("case-1")),
                record("event-2", TestEvents.reported("case-2"))), routes, events -> {
                    throw new IllegalStateException("the store refused the bulk write");
                });

        assertThat(applied).containsExactly("reported case-1", "reported case-2");
    }

    @Test
    void givenAnUnreadableRecordInAPoll_whenConsumedAsABatch_thenTheRecordsBeforeItAreAppliedAndItIsNamedToTheErrorHandler() {
        EventRoutes routes = EventRoutes.of("test")
                .on(CaseReported.class, (event, incoming) -> applied.add("reported " + event.caseId())).build();
        ConsumerRecord<String, byte[]> garbled = record("event-2", "org.grassroots.case.reported", "{not json");
        List<ConsumerRecord<String, byte[]>> poll = List.of(record("event-1", TestEvents.reported("case-1")), garbled,
                record("event-3", TestEvents.reported("case-3")));
        List<List<IncomingEvent>> batches = new ArrayList<>();

        assertThatThrownBy(() -> pipeline.consumeBatch(poll, routes, batches::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failure -> {
                    assertThat(failure.getRecord()).isSameAs(garbled);
                    assertThat(failure.getCause()).isInstanceOf(EventCodecException.class);
                    assertThat(DeadLetterReasons.reasonOf(failure)).isInstanceOf(EventCodecException.class);
                });
        assertThat(batches).isEmpty();
        assertThat(applied).containsExactly("reported case-1");
    }

    private ConsumerRecord<String, byte[]> record(String eventId, IntegrationEvent event) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("case-events", 0, 0, event.subject(), codec.write(event));
        EventEnvelope.of(eventId, "/grassroots/test", event, null).toHeaders().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private ConsumerRecord<String, byte[]> record(String eventId, String type, String payload) {
        ConsumerRecord<String, byte[]> template = record(eventId, TestEvents.reported(UUID.randomUUID().toString()));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("case-events", 0, 0, template.key(),
                payload.getBytes(StandardCharsets.UTF_8));
        template.headers().forEach(header -> record.headers().add(header.key().equals("ce_type")
                ? new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)) : header));
        return record;
    }
}
