package org.grassroots.contracts.cases;

import java.time.Instant;
import java.util.List;

/**
 * Photos were added to a case. The event describes them (id, type, size, content hash) but never
 * carries their bytes or an address anyone could fetch them from: a consumer that needs a photo
 * asks {@code GET /api/cases/{caseId}/attachments/{id}} with a token that may see the case.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param stage            what the photos show: the report, the resolution, or a staff note
 * @param addedBy          user id of the person who added them; null for the reporter's own, so
 *                         events never name the reporter
 * @param attachments      the photos added, at least one
 */
public record CaseAttachmentsAdded(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        AttachmentStage stage,
        String addedBy,
        List<Attachment> attachments) implements CaseEvent {

    public CaseAttachmentsAdded {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        Require.present(stage, "stage");
        attachments = Require.copy(attachments);
        if (attachments.isEmpty()) {
            throw new IllegalArgumentException("attachments must name at least one photo");
        }
    }

    /**
     * One stored photo, as stored: after its metadata (EXIF, XMP, comments) was removed.
     *
     * @param id          the attachment id, unique on the platform
     * @param contentType {@code image/jpeg}, {@code image/png} or {@code image/webp}, recognised from the bytes
     * @param size        bytes stored
     * @param sha256      SHA-256 of the stored bytes, lower-case hex
     */
    public record Attachment(String id, String contentType, long size, String sha256) {

        public Attachment {
            Require.text(id, "id");
            Require.text(contentType, "contentType");
            Require.text(sha256, "sha256");
        }
    }
}
