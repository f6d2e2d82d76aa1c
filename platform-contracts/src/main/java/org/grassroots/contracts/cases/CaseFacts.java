package org.grassroots.contracts.cases;

/**
 * The state of a case right after the event that carries it: everything a department system
 * outside the platform needs to act on the case without looking anything up.
 *
 * <p>It holds <strong>no personal data of the reporter</strong>: no name, phone, ID number or
 * household address. The location is the place of the problem (a road, a pipe, a heap of
 * rubbish), described as a point and in words. Whoever needs to contact the reporter does so
 * through the case-service API, which checks the caller's role and masks what it must.
 *
 * @param caseId              the case's id, equal to the event's subject
 * @param number              the case number people quote on the phone, e.g. {@code QJP-20250318-0042}
 * @param categoryCode        stable category code, e.g. {@code EXPOSED_RUBBISH}
 * @param categoryName        the category's display name, e.g. 暴露垃圾
 * @param level               the level currently handling the case
 * @param status              the status after the event
 * @param emergency           whether the emergency time limits apply
 * @param channel             how the case came in
 * @param location            the point of the problem, if it was given
 * @param locationDescription where the problem is, in words (a public place, not a household address)
 * @param gridCode            the deepest grid containing the point, 15-digit code such as {@code 320812001001001}
 * @param communityId         the community (村/社区) the grid belongs to
 * @param streetId            the street or town (镇/街道) the community belongs to
 * @param assignee            who holds the case now, or null before dispatch
 * @param deadlines           the current time limits, or null before they start
 */
public record CaseFacts(
        String caseId,
        String number,
        String categoryCode,
        String categoryName,
        HandlingLevel level,
        CaseStatus status,
        boolean emergency,
        Channel channel,
        GeoPoint location,
        String locationDescription,
        String gridCode,
        String communityId,
        String streetId,
        Assignee assignee,
        Deadlines deadlines) {

    public CaseFacts {
        Require.text(caseId, "caseId");
        Require.text(number, "number");
        Require.text(categoryCode, "categoryCode");
        Require.present(level, "level");
        Require.present(status, "status");
        Require.present(channel, "channel");
    }
}
