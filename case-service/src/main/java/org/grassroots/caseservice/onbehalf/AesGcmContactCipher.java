package org.grassroots.caseservice.onbehalf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a fresh IV per value, written as {@code <key id>:<base64 of IV and sealed bytes>},
 * the shape of the platform's field cipher so stored values carry their key. Stands in until
 * platform-support's one field cipher replaces it behind {@link ContactCipher}.
 */
@Component
class AesGcmContactCipher implements ContactCipher {

    private static final Logger log = LoggerFactory.getLogger(AesGcmContactCipher.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    AesGcmContactCipher(ContactCipherProperties properties) {
        String configured = properties.contactKey();
        if (configured == null || configured.isBlank()) {
            log.warn("grassroots.case.contact-key (CASE_CONTACT_KEY) is not set: callers' contacts are sealed with"
                    + " the published development key. Set it in every deployment.");
            configured = ContactCipherProperties.DEVELOPMENT_KEY;
        }
        byte[] bytes = Base64.getDecoder().decode(configured.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("grassroots.case.contact-key must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.keyId = properties.contactKeyId();
    }

    @Override
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a caller's contact", e);
        }
    }

    @Override
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        if (colon < 0 || !sealed.substring(0, colon).equals(keyId)) {
            throw new IllegalStateException("A caller's contact is sealed with key '"
                    + (colon < 0 ? "?" : sealed.substring(0, colon)) + "', not the configured '" + keyId + "'");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open a caller's contact (wrong CASE_CONTACT_KEY?)", e);
        }
    }
}
