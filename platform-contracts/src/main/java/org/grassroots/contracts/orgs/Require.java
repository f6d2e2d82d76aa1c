package org.grassroots.contracts.orgs;

import java.time.Instant;

import org.grassroots.contracts.EventChecks;

/** The checks the records of this package share. */
final class Require {

    private Require() {
    }

    static void text(String value, String name) {
        EventChecks.text(value, name);
    }

    static void present(Object value, String name) {
        EventChecks.present(value, name);
    }

    /** The components every {@link OrgUnitEvent} leads with. */
    static void unitEvent(String code, long aggregateVersion, String orgPath, Instant occurredAt, OrgUnitFacts unit) {
        EventChecks.envelope(code, "code", aggregateVersion, orgPath, occurredAt);
        present(unit, "unit");
        if (!code.equals(unit.code())) {
            throw new IllegalArgumentException("unit " + unit.code() + " carried by an event about " + code);
        }
        if (!orgPath.equals(unit.path())) {
            throw new IllegalArgumentException("orgPath " + orgPath + " differs from the unit's path " + unit.path());
        }
    }

    /** The components every {@link PartyMemberEvent} leads with. */
    static void memberEvent(String memberId, long aggregateVersion, String orgPath, Instant occurredAt,
            MemberFacts member) {
        recordEvent(memberId, aggregateVersion, orgPath, occurredAt, member,
                member == null ? null : member.memberId(), member == null ? null : member.unitPath());
    }

    /**
     * The components of an event carrying the facts of one record: the subject must be the facts'
     * id and the event's org path the facts' path.
     */
    static void recordEvent(String id, long aggregateVersion, String orgPath, Instant occurredAt, Object facts,
            String factsId, String factsPath) {
        EventChecks.envelope(id, "id", aggregateVersion, orgPath, occurredAt);
        present(facts, "facts");
        if (!id.equals(factsId)) {
            throw new IllegalArgumentException("facts of " + factsId + " carried by an event about " + id);
        }
        if (!orgPath.equals(factsPath)) {
            throw new IllegalArgumentException("orgPath " + orgPath + " differs from the facts' path " + factsPath);
        }
    }
}
