package org.grassroots.caseservice.onbehalf;

/**
 * Seals a caller's contact (name, phone) for storage and opens it again for staff who need to call
 * back ({@link FieldContactCipher}: the platform's field cipher).
 */
public interface ContactCipher {

    /** The ciphertext of {@code plain}, or null for null. */
    String seal(String plain);

    /** The plain text of {@code sealed}, or null for null. */
    String open(String sealed);
}
