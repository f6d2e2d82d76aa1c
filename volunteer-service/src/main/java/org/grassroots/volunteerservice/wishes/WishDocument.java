package org.grassroots.volunteerservice.wishes;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a wish is stored; the outbox array beside these fields belongs to the platform's relay. */
@Document("wishes")
record WishDocument(
        @Id String id,
        String title,
        String description,
        String orgPath,
        String communityId,
        String postedBy,
        Instant postedAt,
        Wish.Status status,
        String reviewedBy,
        String rejectionReason,
        Wish.HelperKind helperKind,
        String claimedBy,
        String unitId,
        Instant claimedAt,
        String fulfilmentNote,
        Instant fulfilledAt,
        long version,
        String caseId) {

    static WishDocument of(Wish w) {
        return new WishDocument(w.id(), w.title(), w.description(), w.orgPath(), w.communityId(), w.postedBy(),
                w.postedAt(), w.status(), w.reviewedBy(), w.rejectionReason(), w.helperKind(), w.claimedBy(),
                w.unitId(), w.claimedAt(), w.fulfilmentNote(), w.fulfilledAt(), w.version(), w.caseId());
    }

    Wish toWish() {
        Wish wish = new Wish(id, title, description, orgPath, postedBy, postedAt, status, reviewedBy, rejectionReason,
                helperKind, claimedBy, unitId, claimedAt, fulfilmentNote, fulfilledAt, version);
        wish.restoreCase(caseId);
        return wish;
    }
}
