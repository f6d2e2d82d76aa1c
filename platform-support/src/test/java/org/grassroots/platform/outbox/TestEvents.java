package org.grassroots.platform.outbox;

import java.time.Instant;

import org.grassroots.contracts.cases.CaseAccepted;
import org.grassroots.contracts.cases.CaseFacts;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;

/** Real case events to push through the outbox. */
public final class TestEvents {

    static final String FUQIAN = "/qjp/qjp-wangying/qjp-wangying-fuqian";

    private TestEvents() {
    }

    public static CaseReported reported(String caseId) {
        return new CaseReported(caseId, 1, FUQIAN, Instant.now(), facts(caseId, CaseStatus.REPORTED), null, null);
    }

    /** A report dated {@code occurredAt}, e.g. ahead of the broker's clock. */
    public static CaseReported reportedAt(String caseId, Instant occurredAt) {
        return new CaseReported(caseId, 1, FUQIAN, occurredAt, facts(caseId, CaseStatus.REPORTED), null, null);
    }

    public static CaseAccepted accepted(String caseId, long version) {
        return new CaseAccepted(caseId, version, FUQIAN, Instant.now(), facts(caseId, CaseStatus.ACCEPTED), "dispatcher-1");
    }

    private static CaseFacts facts(String caseId, CaseStatus status) {
        return new CaseFacts(caseId, "GR-20261121-000001", "EXPOSED_RUBBISH", "暴露垃圾", HandlingLevel.GRID, status,
                false, Channel.RESIDENT_APP, new GeoPoint(119.021, 33.601), "健康东路与淮海南路路口", "320812001001001",
                "qjp-wangying-fuqian", "qjp-wangying", null, null);
    }
}
