package org.grassroots.volunteerservice.registrations;

import java.time.Instant;

import org.grassroots.contracts.volunteer.RegistrationAccepted;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.volunteerservice.OrgPaths;

/**
 * An in-service party member's dual registration (在职党员双报到) with the community they live in
 * or serve: requested by the member, accepted or declined by the community, withdrawn or ended
 * by the member (or the community) when they move on.
 */
public class Registration {

    public enum Status {
        REQUESTED, ACCEPTED, DECLINED, WITHDRAWN, ENDED;

        boolean isOpen() {
            return this == REQUESTED || this == ACCEPTED;
        }
    }

    private final String id;
    private final String memberId;
    private final String orgPath;
    private final String workUnit;
    private final String note;
    private final Instant requestedAt;
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private Instant endedAt;
    private long version;

    Registration(String id, String memberId, String orgPath, String workUnit, String note, Instant requestedAt,
            Status status, String decidedBy, Instant decidedAt, String decisionNote, Instant endedAt, long version) {
        this.id = id;
        this.memberId = memberId;
        this.orgPath = orgPath;
        this.workUnit = workUnit;
        this.note = note;
        this.requestedAt = requestedAt;
        this.status = status;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.decisionNote = decisionNote;
        this.endedAt = endedAt;
        this.version = version;
    }

    static Registration request(String id, String memberId, String communityPath, String workUnit, String note,
            Instant now) {
        OrgPaths.validCommunityPath(communityPath, "communityPath");
        return new Registration(id, memberId, communityPath, workUnit, note, now, Status.REQUESTED, null, null, null,
                null, 1);
    }

    RegistrationAccepted accept(String staffId, String decision, Instant now) {
        decide(Status.ACCEPTED, staffId, decision, now);
        return new RegistrationAccepted(id, version, orgPath, now, memberId, communityId());
    }

    void decline(String staffId, String decision, Instant now) {
        decide(Status.DECLINED, staffId, decision, now);
    }

    /** A request not yet decided is withdrawn; an accepted registration ends. */
    void end(Instant now) {
        if (!status.isOpen()) {
            throw new InvalidStateException("The registration is already " + status);
        }
        status = status == Status.REQUESTED ? Status.WITHDRAWN : Status.ENDED;
        endedAt = now;
        version++;
    }

    private void decide(Status decided, String staffId, String decision, Instant now) {
        if (status != Status.REQUESTED) {
            throw new InvalidStateException("The registration is " + status + ", not awaiting a decision");
        }
        status = decided;
        decidedBy = staffId;
        decidedAt = now;
        decisionNote = decision;
        version++;
    }

    public String communityId() {
        return OrgPaths.communityOf(orgPath);
    }

    public String id() { return id; }
    public String memberId() { return memberId; }
    public String orgPath() { return orgPath; }
    public String workUnit() { return workUnit; }
    public String note() { return note; }
    public Instant requestedAt() { return requestedAt; }
    public Status status() { return status; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionNote() { return decisionNote; }
    public Instant endedAt() { return endedAt; }
    public long version() { return version; }
}
