package org.grassroots.gridservice.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest with AES-256-GCM (a fresh 96-bit nonce per value, stored as
 * {@code v1:<base64 nonce+ciphertext+tag>}), and derives blind indexes (HMAC-SHA256 under a key derived
 * from the same secret) so that "以人找房" can look a person up by ID number or phone without ever
 * storing either in the clear.
 */
@Component
public class PiiCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(PiiProperties properties) {
        String configured = properties.key();
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("GRASSROOTS_PII_KEY is not set: grid-service needs a 32-byte base64 key "
                    + "to encrypt ID and phone numbers (only the local profile has a development default)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("GRASSROOTS_PII_KEY is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("GRASSROOTS_PII_KEY must decode to 32 bytes but has " + key.length);
        }
        encryptionKey = new SecretKeySpec(key, "AES");
        indexKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "grassroots blind index v1"),
                "HmacSHA256");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown ciphertext format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt: wrong key or tampered value");
        }
    }

    /** A stable keyed digest of the value, for equality lookups; null for null. */
    public String blindIndex(String plain) {
        return plain == null ? null : Base64.getEncoder().withoutPadding().encodeToString(hmac(indexKey, plain));
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
