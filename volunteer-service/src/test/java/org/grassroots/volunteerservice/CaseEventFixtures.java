package org.grassroots.volunteerservice;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseFacts;
import org.grassroots.contracts.cases.CaseOverdue;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.contracts.cases.SlaStage;

/** case-events as case-service publishes them, for the points consumer to read. */
public final class CaseEventFixtures {

    public static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    public static final String GRID = "320812001001001";

    private final EventCodec codec = new EventCodec();

    /**
     * Each event a full second after the one made before it: statements order entries by the
     * events' own times, and two events made within the same millisecond (the store keeps
     * milliseconds) would otherwise tie and be ordered by their random ids.
     */
    private Instant clock = Instant.now();

    private Instant next() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    public ProducerRecord<String, byte[]> reportedByStaff(String caseId, String reporterStaffId) {
        return record(new CaseReported(caseId, 1, CHENGNAN, next(),
                facts(caseId, CaseStatus.REPORTED, null, Channel.GRID_WORKER), null, reporterStaffId));
    }

    public ProducerRecord<String, byte[]> accepted(String caseId) {
        return record(new CaseAccepted(caseId, 2, CHENGNAN, next(),
                facts(caseId, CaseStatus.ACCEPTED, null, Channel.GRID_WORKER), "dispatcher-1"));
    }

    public ProducerRecord<String, byte[]> closedOnTime(String caseId, AssigneeKind kind, String assigneeId) {
        return record(new CaseClosed(caseId, 7, CHENGNAN, next(),
                facts(caseId, CaseStatus.CLOSED, new Assignee(kind, assigneeId, "党员"), Channel.RESIDENT_APP), true,
                Duration.ofHours(20)));
    }

    public ProducerRecord<String, byte[]> closedLate(String caseId, String partyMemberId) {
        return record(new CaseClosed(caseId, 9, CHENGNAN, next(), facts(caseId, CaseStatus.CLOSED,
                new Assignee(AssigneeKind.PARTY_MEMBER, partyMemberId, "党员"), Channel.RESIDENT_APP), false,
                Duration.ofHours(90)));
    }

    public ProducerRecord<String, byte[]> overdue(String caseId, AssigneeKind kind, String assigneeId) {
        return record(new CaseOverdue(caseId, 5, CHENGNAN, next(),
                facts(caseId, CaseStatus.CLAIMED, new Assignee(kind, assigneeId, "党员"), Channel.RESIDENT_APP),
                SlaStage.RESOLVE, clock.minusSeconds(60)));
    }

    /** The same record again, as Kafka redelivers it after a consumer crash: same key, same event id. */
    public static ProducerRecord<String, byte[]> again(ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers());
    }

    private static CaseFacts facts(String caseId, CaseStatus status, Assignee assignee, Channel channel) {
        return new CaseFacts(caseId, "QJP-20261121-" + caseId.substring(0, 4), "EXPOSED_RUBBISH", "暴露垃圾",
                HandlingLevel.COMMUNITY, status, false, channel, new GeoPoint(119.0213, 33.6012), "城南小区东门外", GRID,
                "qjp-pulou-chengnan", "qjp-pulou", assignee, null);
    }

    private ProducerRecord<String, byte[]> record(IntegrationEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASE_EVENTS, event.subject(),
                codec.write(event));
        EventEnvelope.of(UUID.randomUUID().toString(), "/grassroots/case-service", event, null).toHeaders()
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }
}
