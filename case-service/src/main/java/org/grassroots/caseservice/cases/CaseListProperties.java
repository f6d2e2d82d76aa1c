package org.grassroots.caseservice.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the case lists ({@code grassroots.cases}).
 *
 * @param exportBatch how many cases a CSV export reads from the store at a time
 */
@ConfigurationProperties("grassroots.cases")
public record CaseListProperties(Integer exportBatch) {

    public CaseListProperties {
        exportBatch = exportBatch == null ? 500 : exportBatch;
    }
}
