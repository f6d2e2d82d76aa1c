package org.grassroots.caseservice.onbehalf;

/**
 * Seals a caller's contact (name, phone) for storage and opens it again for staff who need to call
 * back. An interface so the platform's one field cipher (platform-support, with a key id in every
 * ciphertext) can take the place of {@link AesGcmContactCipher} without touching the callers.
 */
public interface ContactCipher {

    /** The ciphertext of {@code plain}, or null for null. */
    String seal(String plain);

    /** The plain text of {@code sealed}, or null for null. */
    String open(String sealed);
}
