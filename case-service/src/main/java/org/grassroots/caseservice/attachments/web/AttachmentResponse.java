package org.grassroots.caseservice.attachments.web;

import java.time.Instant;

import org.grassroots.caseservice.attachments.StoredAttachment;
import org.grassroots.contracts.cases.AttachmentStage;

/** A stored photo as the API lists it; the bytes are at {@code .../attachments/{id}}, the thumbnail at {@code .../thumbnail}. */
record AttachmentResponse(String id, AttachmentStage stage, String contentType, long size, String sha256, int width,
        int height, Instant createdAt) {

    static AttachmentResponse of(StoredAttachment stored) {
        return new AttachmentResponse(stored.id(), stored.stage(), stored.contentType(), stored.size(), stored.sha256(),
                stored.width(), stored.height(), stored.createdAt());
    }
}
