package org.grassroots.caseservice.onbehalf;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key the callers' contacts are sealed with ({@code grassroots.case.contact-key}, from
 * {@code CASE_CONTACT_KEY}): AES-256, base64 of 32 bytes, and its id, written into every ciphertext
 * so a later key can be told apart from this one.
 */
@ConfigurationProperties("grassroots.case")
public record ContactCipherProperties(String contactKey, String contactKeyId) {

    /** The published development key of the local platform and the tests: nothing real may be sealed with it. */
    public static final String DEVELOPMENT_KEY = "Y2FzZS1zZXJ2aWNlLWRldmVsb3BtZW50LW9ubHktayE=";

    public ContactCipherProperties {
        contactKeyId = contactKeyId == null || contactKeyId.isBlank() ? "k1" : contactKeyId.strip();
    }
}
