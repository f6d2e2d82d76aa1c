package org.grassroots.evaluationservice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseCancelled;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseFacts;
import org.grassroots.contracts.cases.CaseOverdue;
import org.grassroots.contracts.cases.CaseReopened;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.contracts.cases.ReopenCause;
import org.grassroots.contracts.cases.SlaStage;

/**
 * The events of one case in a test community, built as case-service publishes them: every event
 * carries the whole case after the change and the case's version.
 */
public record CaseEventsFixture(String caseId, String street, String community, String category) {

    public static final String DISTRICT = "qjp";
    private static final EventCodec CODEC = new EventCodec();

    public static CaseEventsFixture newCase(String street, String community) {
        return new CaseEventsFixture(UUID.randomUUID().toString(), street, community, "EXPOSED_RUBBISH");
    }

    public CaseEventsFixture inCategory(String code) {
        return new CaseEventsFixture(caseId, street, community, code);
    }

    public String orgPath() {
        return "/" + DISTRICT + "/" + street + "/" + community;
    }

    public CaseReported reported(Instant at) {
        return new CaseReported(caseId, 1, orgPath(), at, facts(CaseStatus.REPORTED, null), null, null);
    }

    public CaseAccepted accepted(long version, Instant at) {
        return new CaseAccepted(caseId, version, orgPath(), at, facts(CaseStatus.ACCEPTED, null), "dispatcher-1");
    }

    public CaseCancelled cancelled(long version, Instant at) {
        return new CaseCancelled(caseId, version, orgPath(), at, facts(CaseStatus.CANCELLED, null), "dispatcher-1",
                "不属于受理范围");
    }

    public CaseClosed closed(long version, Instant reportedAt, Duration handling, boolean onTime, String department) {
        return new CaseClosed(caseId, version, orgPath(), reportedAt.plus(handling),
                facts(CaseStatus.CLOSED, department), onTime, handling);
    }

    public CaseReopened reopened(long version, Instant at, String department) {
        return new CaseReopened(caseId, version, orgPath(), at, facts(CaseStatus.REOPENED, department),
                ReopenCause.RESIDENT_DISSATISFIED, "仍有垃圾", null);
    }

    public CaseOverdue overdue(long version, Instant at, String department) {
        return new CaseOverdue(caseId, version, orgPath(), at, facts(CaseStatus.CLAIMED, department), SlaStage.RESOLVE,
                at);
    }

    public CaseFacts facts(CaseStatus status, String department) {
        return new CaseFacts(caseId, "QJP-TEST-" + caseId.substring(0, 6), category, "暴露垃圾", HandlingLevel.COMMUNITY,
                status, false, Channel.RESIDENT_APP, new GeoPoint(119.0213, 33.6012), "城南小区东门外",
                "32081200100100101", community, street,
                department == null ? null : new Assignee(AssigneeKind.DEPARTMENT, department, "区城管局"), null);
    }

    /** The record case-service's outbox relay would send for {@code event}, under {@code eventId}. */
    public static ProducerRecord<String, byte[]> record(CaseEvent event, String eventId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASE_EVENTS, event.caseId(),
                CODEC.write(event));
        new EventEnvelope(eventId, EventCatalog.typeOf(event.getClass()), "/grassroots/case-service",
                event.occurredAt(), event.caseId(), null).toHeaders()
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    public static ProducerRecord<String, byte[]> record(CaseEvent event) {
        return record(event, UUID.randomUUID().toString());
    }
}
