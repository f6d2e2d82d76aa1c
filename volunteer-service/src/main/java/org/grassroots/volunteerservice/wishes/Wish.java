package org.grassroots.volunteerservice.wishes;

import java.time.Instant;

import org.grassroots.contracts.volunteer.WishFulfilled;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.volunteerservice.OrgPaths;

/**
 * A micro-wish (微心愿) on the wish wall: a resident posts it, the community approves it (and in
 * doing so checks it carries no personal data for the public wall), a party member or a
 * co-building unit claims it, and it is fulfilled with a note.
 */
public class Wish {

    public enum Status { POSTED, APPROVED, REJECTED, CLAIMED, FULFILLED, /** 转为诉求: it needs a department and became a case. */ REFERRED }

    public enum HelperKind { PARTY_MEMBER, UNIT }

    private final String id;
    private final String title;
    private final String description;
    private final String orgPath;
    private final String postedBy;
    private final Instant postedAt;
    private Status status;
    private String reviewedBy;
    private String rejectionReason;
    private HelperKind helperKind;
    private String claimedBy;
    private String unitId;
    private Instant claimedAt;
    private String fulfilmentNote;
    private Instant fulfilledAt;
    private long version;
    private String caseId;

    Wish(String id, String title, String description, String orgPath, String postedBy, Instant postedAt,
            Status status, String reviewedBy, String rejectionReason, HelperKind helperKind, String claimedBy,
            String unitId, Instant claimedAt, String fulfilmentNote, Instant fulfilledAt, long version) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.orgPath = orgPath;
        this.postedBy = postedBy;
        this.postedAt = postedAt;
        this.status = status;
        this.reviewedBy = reviewedBy;
        this.rejectionReason = rejectionReason;
        this.helperKind = helperKind;
        this.claimedBy = claimedBy;
        this.unitId = unitId;
        this.claimedAt = claimedAt;
        this.fulfilmentNote = fulfilmentNote;
        this.fulfilledAt = fulfilledAt;
        this.version = version;
    }

    static Wish post(String id, String title, String description, String communityPath, String residentId,
            Instant now) {
        OrgPaths.validCommunityPath(communityPath, "orgPath");
        return new Wish(id, title, description, communityPath, residentId, now, Status.POSTED, null, null, null, null,
                null, null, null, null, 1);
    }

    void approve(String staffId) {
        require(Status.POSTED, "approved");
        status = Status.APPROVED;
        reviewedBy = staffId;
        version++;
    }

    void reject(String staffId, String reason) {
        require(Status.POSTED, "rejected");
        status = Status.REJECTED;
        reviewedBy = staffId;
        rejectionReason = reason;
        version++;
    }

    /** A party member claims it for themself, or staff record a co-building unit's claim ({@code unitId}). */
    void claim(String userId, HelperKind kind, String unit, Instant now) {
        require(Status.APPROVED, "claimed");
        if (userId.equals(postedBy)) {
            throw new InvalidStateException("You cannot claim your own wish");
        }
        status = Status.CLAIMED;
        helperKind = kind;
        claimedBy = userId;
        unitId = unit;
        claimedAt = now;
        version++;
    }

    WishFulfilled fulfil(String note, Instant now) {
        require(Status.CLAIMED, "fulfilled");
        status = Status.FULFILLED;
        fulfilmentNote = note;
        fulfilledAt = now;
        version++;
        return new WishFulfilled(id, version, orgPath, now, communityId(), helperKind.name(),
                helperKind == HelperKind.UNIT ? unitId : claimedBy);
    }

    /**
     * 微心愿转诉求: staff find the wish needs a department (a broken street light, not a helping hand)
     * and refer it to case-service, which filed case {@code filedCaseId} for it. A wish not yet
     * claimed may be referred, from the review or from the wall; the wish and the case name each other.
     */
    void refer(String staffId, String filedCaseId) {
        requireReferable();
        status = Status.REFERRED;
        reviewedBy = staffId;
        caseId = filedCaseId;
        version++;
    }

    /** Refuses unless the wish may still be referred: POSTED or APPROVED, not yet claimed. */
    void requireReferable() {
        if (status != Status.POSTED && status != Status.APPROVED) {
            throw new InvalidStateException("The wish is " + status + " and cannot be referred to a department;"
                    + " only a wish that is POSTED or APPROVED can");
        }
    }

    /** The case the wish became, once referred; null otherwise. */
    public String caseId() {
        return caseId;
    }

    void restoreCase(String referredCaseId) {
        this.caseId = referredCaseId;
    }

    private void require(Status expected, String what) {
        if (status != expected) {
            throw new InvalidStateException("The wish is " + status + " and cannot be " + what);
        }
    }

    public String communityId() {
        return OrgPaths.communityOf(orgPath);
    }

    public boolean isOnTheWall() {
        return status == Status.APPROVED || status == Status.CLAIMED || status == Status.FULFILLED;
    }

    public String id() { return id; }
    public String title() { return title; }
    public String description() { return description; }
    public String orgPath() { return orgPath; }
    public String postedBy() { return postedBy; }
    public Instant postedAt() { return postedAt; }
    public Status status() { return status; }
    public String reviewedBy() { return reviewedBy; }
    public String rejectionReason() { return rejectionReason; }
    public HelperKind helperKind() { return helperKind; }
    public String claimedBy() { return claimedBy; }
    public String unitId() { return unitId; }
    public Instant claimedAt() { return claimedAt; }
    public String fulfilmentNote() { return fulfilmentNote; }
    public Instant fulfilledAt() { return fulfilledAt; }
    public long version() { return version; }
}
