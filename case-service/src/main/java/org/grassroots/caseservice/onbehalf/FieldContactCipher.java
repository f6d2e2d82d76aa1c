package org.grassroots.caseservice.onbehalf;

import org.grassroots.platform.crypto.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Seals callers' contacts with the platform's one field cipher (key ring {@code GRASSROOTS_FIELD_KEYS},
 * a key id in every ciphertext, so keys rotate without a migration).
 */
@Component
class FieldContactCipher implements ContactCipher {

    private final FieldCipher cipher;

    FieldContactCipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String seal(String plain) {
        return plain == null ? null : cipher.encrypt(plain);
    }

    @Override
    public String open(String sealed) {
        return sealed == null ? null : cipher.decrypt(sealed);
    }
}
