package org.grassroots.caseservice.attachments;

import java.time.Instant;

import org.grassroots.contracts.cases.AttachmentStage;

/**
 * A photo as stored in GridFS: the details kept in its file's metadata.
 *
 * @param size          bytes stored (after the metadata was removed)
 * @param sha256        SHA-256 of the stored bytes, lower-case hex (also the ETag)
 * @param width         pixels as shown (after the EXIF orientation is applied)
 * @param thumbnailSize bytes of its thumbnail
 */
public record StoredAttachment(String id, String caseId, AttachmentStage stage, String contentType, long size,
        String sha256, int width, int height, Instant createdAt, long thumbnailSize) {

    /** The name offered for saving the photo: its id and the extension of its format. */
    public String fileName() {
        return id + "." + ImageFormat.ofContentType(contentType).extension();
    }
}
