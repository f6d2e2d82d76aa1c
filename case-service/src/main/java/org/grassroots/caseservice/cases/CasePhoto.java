package org.grassroots.caseservice.cases;

import org.grassroots.contracts.cases.AttachmentStage;

/**
 * A photo the case knows it has: its attachment id and what it shows. The bytes and their details
 * live in GridFS; a stored file the case does not name (an upload that failed halfway) is never shown.
 */
public record CasePhoto(String id, AttachmentStage stage) {
}
