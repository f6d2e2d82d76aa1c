package org.grassroots.caseservice.cases.web;

import java.time.Instant;

import org.grassroots.caseservice.cases.CaseHistoryEntry;
import org.grassroots.contracts.cases.CaseStatus;

record CaseHistoryResponse(long version, String action, CaseStatus from, CaseStatus to, String by, Instant at,
        String note) {

    static CaseHistoryResponse of(CaseHistoryEntry entry) {
        return new CaseHistoryResponse(entry.version(), entry.action(), entry.from(), entry.to(), entry.by(),
                entry.at(), entry.note());
    }
}
