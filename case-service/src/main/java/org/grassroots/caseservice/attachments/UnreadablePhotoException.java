package org.grassroots.caseservice.attachments;

/** The bytes start like a photo format but do not hold a well-formed image of it. */
public class UnreadablePhotoException extends Exception {

    public UnreadablePhotoException(String reason) {
        super(reason);
    }
}
