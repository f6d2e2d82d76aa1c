package org.grassroots.contracts.cases;

import java.time.Instant;

/**
 * A case that intake could not locate (no point, a point outside every grid, grid-service
 * unavailable) was placed by hand: staff set its point, and it now lies in a grid. From this
 * event on the case belongs to the located grid's area: {@code orgPath} and {@code facts} (grid,
 * community, street, point, place description) say where; {@code previousOrgPath} is the area
 * that held it while unlocated, so a consumer filtering by area can let go of it there.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the located grid's community, e.g. {@code /qjp/qjp-pulou/qjp-pulou-chengnan}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param previousOrgPath  the org path that held the case while it was unlocated (the reporter's
 *                         area, or the hotline's); equal to {@code orgPath} when it stayed in that area
 * @param gridName         the located grid's name, e.g. 城南社区第一网格第1微网格
 * @param locatedBy        user id of whoever placed it
 */
public record CaseLocated(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        String previousOrgPath,
        String gridName,
        String locatedBy) implements CaseEvent {

    public CaseLocated {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.text(previousOrgPath, "previousOrgPath");
        Require.present(facts.location(), "facts.location");
        Require.text(facts.gridCode(), "facts.gridCode");
    }
}
