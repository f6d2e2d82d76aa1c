package org.grassroots.volunteerservice.points;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseOverdue;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.platform.consumer.BusyTopicFetch;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.EventRoutes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns {@code case-events} into ledger entries (群众点单、社区派单、党员接单):
 * <ul>
 * <li>{@code CaseClosed} on time, held by a party member or grid worker: {@link RuleCodes#CASE_HANDLED_ON_TIME};
 * <li>{@code CaseOverdue} while one held it: {@link RuleCodes#CASE_OVERDUE};
 * <li>{@code CaseAccepted} of a report a grid worker or courier made on duty
 *     ({@code CaseReported.reporterStaffId}, remembered per case): {@link RuleCodes#REPORT_ACCEPTED}.
 * </ul>
 * Exactly once: each entry's id is {@code <event id>:<beneficiary>}, so the entry and the record of
 * the event are one insert, and a redelivered or replayed event adds nothing; remembering a
 * reporter is an upsert of the value the event names. The entries take the event's own time, so a
 * replay lands them in the same ledger year.
 */
@Component
class CaseEventAwards {

    static final String STAFF_REPORTS = "case_staff_reports";

    private final PointsLedger ledger;
    private final MongoTemplate mongo;
    private final EventPipeline pipeline;
    private final EventRoutes routes;

    CaseEventAwards(PointsLedger ledger, MongoTemplate mongo, EventPipeline pipeline) {
        this.ledger = ledger;
        this.mongo = mongo;
        this.pipeline = pipeline;
        this.routes = EventRoutes.of("CaseEventAwards")
                .on(CaseReported.class, (reported, incoming) -> {
                    if (reported.reporterStaffId() != null) {
                        rememberReporter(reported);
                    }
                })
                .on(CaseAccepted.class, (accepted, incoming) -> awardReporter(incoming.eventId(), accepted))
                .on(CaseClosed.class, (closed, incoming) -> {
                    if (closed.onTime()) {
                        awardHandler(incoming.eventId(), closed, RuleCodes.CASE_HANDLED_ON_TIME,
                                "按期办结诉求 " + closed.facts().number());
                    }
                })
                .on(CaseOverdue.class, (overdue, incoming) -> awardHandler(incoming.eventId(), overdue,
                        RuleCodes.CASE_OVERDUE, "诉求 " + overdue.facts().number() + " " + overdue.stage() + " 超时"))
                .build();
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, properties = {BusyTopicFetch.MIN_BYTES, BusyTopicFetch.MAX_WAIT})
    void on(ConsumerRecord<String, byte[]> record) {
        pipeline.consume(record, routes);
    }

    /** An upsert keyed by the case: remembering the same report twice changes nothing. */
    private void rememberReporter(CaseReported reported) {
        mongo.upsert(Query.query(Criteria.where("_id").is(reported.caseId())),
                Update.update("reporterStaffId", reported.reporterStaffId()), STAFF_REPORTS);
    }

    private void awardReporter(String eventId, CaseAccepted accepted) {
        Document report = mongo.findById(accepted.caseId(), Document.class, STAFF_REPORTS);
        if (report == null) {
            return;
        }
        String reporter = report.getString("reporterStaffId");
        award(eventId, reporter, RuleCodes.REPORT_ACCEPTED, "上报问题被立案 " + accepted.facts().number(), accepted,
                accepted.occurredAt());
    }

    private void awardHandler(String eventId, CaseEvent event, String rule, String reason) {
        Assignee assignee = event.facts().assignee();
        if (assignee == null || !(assignee.kind() == AssigneeKind.PARTY_MEMBER
                || assignee.kind() == AssigneeKind.GRID_WORKER)) {
            return;
        }
        award(eventId, assignee.id(), rule, reason, event, event.occurredAt());
    }

    private void award(String eventId, String userId, String rule, String reason, CaseEvent event, Instant when) {
        ledger.award(Award.automatic(eventId + ":" + userId, userId, rule, reason, eventId, when, event.orgPath(),
                event.facts().communityId(), event.facts().gridCode()));
    }
}
