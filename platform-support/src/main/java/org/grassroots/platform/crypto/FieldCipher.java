package org.grassroots.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one field cipher: encrypts personal data at rest (phones, ID numbers, names, a caller's contact)
 * with AES-256-GCM under a key ring, and derives blind indexes for equality lookups.
 *
 * <p>Every ciphertext names the key that sealed it: {@code fc1:<key id>:<base64 nonce+ciphertext+tag>},
 * the key id also bound into the tag as associated data. So keys rotate: a new key put first in the ring
 * seals every new value, and the older keys, still in the ring, open what they sealed. A key may leave the
 * ring only once nothing it sealed is stored any more.
 *
 * <p>The ring is one setting, {@code <id>:<base64 of 32 bytes>[,<id>:<base64>…]}: the first key is the
 * current one; the last one (the oldest) keys the blind indexes, so they stay stable while keys rotate.
 *
 * <p>Values written before this cipher (org-service's bare base64, grid-service's {@code v1:…}, and
 * case-service's stand-in contact cipher's {@code <key id>:…}) still read: they are opened with the key
 * their prefix names if the ring has it, else with each key of the ring in turn; GCM's tag tells which is right.
 * A deployment therefore keeps its old key in the ring, under any id, and needs no migration of the data.
 *
 * <p>Plain Java: no Spring, usable from mappers and tests alike. Errors never carry the value.
 */
public final class FieldCipher {

    static final String PREFIX = "fc1:";
    private static final Pattern LEGACY_PREFIXED = Pattern.compile("([A-Za-z0-9._-]{1,40}):([A-Za-z0-9+/=]+)");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String SETTING = "grassroots.field-cipher.keys (GRASSROOTS_FIELD_KEYS)";

    private final Map<String, SecretKeySpec> keys;
    private final String currentKeyId;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    private FieldCipher(Map<String, SecretKeySpec> keys, String currentKeyId, SecretKeySpec indexKey) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
        this.indexKey = indexKey;
    }

    /** The ring from its one setting; refuses a missing, malformed or short key naming the setting, never the key. */
    public static FieldCipher fromSetting(String ring) {
        if (ring == null || ring.isBlank()) {
            throw new IllegalStateException(SETTING + " is not set: give at least one key as <id>:<base64 of 32 bytes> "
                    + "(only the local profile has a development key)");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        byte[] last = null;
        for (String entry : ring.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(SETTING + ": each key is <id>:<base64>, one has no id");
            }
            String id = trimmed.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException(SETTING + ": a key id may hold letters, digits, '.', '_' and '-' only");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(SETTING + ": key '" + id + "' is not valid base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException(SETTING + ": key '" + id + "' must decode to 32 bytes but has " + key.length);
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException(SETTING + ": key id '" + id + "' is given twice");
            }
            last = key;
        }
        String current = keys.keySet().iterator().next();
        SecretKeySpec indexKey = new SecretKeySpec(hmac(new SecretKeySpec(last, "HmacSHA256"), "grassroots blind index v1"),
                "HmacSHA256");
        return new FieldCipher(Map.copyOf(keys), current, indexKey);
    }

    /** The id of the key that seals new values. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The id of the key a stored value names, or null for a value written before key ids (or null). */
    public static String keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return null;
        }
        int end = stored.indexOf(':', PREFIX.length());
        return end < 0 ? null : stored.substring(PREFIX.length(), end);
    }

    /** Seals a value with the current key; null stays null. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a field", e);
        }
    }

    /** Opens a stored value with the key it names (or, written before key ids, with the ring's keys in turn). */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(PREFIX)) {
            String id = keyIdOf(stored);
            SecretKeySpec key = id == null ? null : keys.get(id);
            if (key == null) {
                throw new IllegalStateException("a stored field was sealed with key '" + id + "', which is not in "
                        + SETTING);
            }
            byte[] all = decode(stored.substring(PREFIX.length() + id.length() + 1));
            try {
                return open(key, all, id);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not decrypt a stored field with key '" + id
                        + "': wrong key or tampered value");
            }
        }
        // Written before this cipher: bare base64 (org-service), "v1:<base64>" (grid-service) or
        // "<key id>:<base64>" (case-service's stand-in contact cipher); no associated data. The key a
        // prefix names is tried first, then every key of the ring.
        java.util.regex.Matcher prefixed = LEGACY_PREFIXED.matcher(stored);
        byte[] all = decode(prefixed.matches() ? prefixed.group(2) : stored);
        List<String> tried = new ArrayList<>();
        SecretKeySpec named = prefixed.matches() ? keys.get(prefixed.group(1)) : null;
        if (named != null) {
            try {
                return open(named, all, null);
            } catch (GeneralSecurityException e) {
                tried.add(prefixed.group(1));
            }
        }
        for (Map.Entry<String, SecretKeySpec> key : keys.entrySet()) {
            try {
                return open(key.getValue(), all, null);
            } catch (GeneralSecurityException e) {
                tried.add(key.getKey());
            }
        }
        throw new IllegalStateException("could not decrypt a stored field written before key ids with any key of "
                + SETTING + " (tried " + tried + "): keep the key it was written with in the ring");
    }

    /** A stable keyed digest of the value for equality lookups (以人找房); null for null. */
    public String blindIndex(String plain) {
        return plain == null ? null : Base64.getEncoder().withoutPadding().encodeToString(hmac(indexKey, plain));
    }

    private static String open(SecretKeySpec key, byte[] all, String keyId) throws GeneralSecurityException {
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new AEADBadTagException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
        if (keyId != null) {
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        }
        return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored field is not a ciphertext of the field cipher");
        }
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
