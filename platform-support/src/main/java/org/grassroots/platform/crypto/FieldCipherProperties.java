package org.grassroots.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The field cipher's one setting, {@code grassroots.field-cipher.keys} (from {@code GRASSROOTS_FIELD_KEYS}):
 * the key ring {@code <id>:<base64 of 32 bytes>[,<id>:<base64>…]}, current key first, oldest last (see
 * {@link FieldCipher}). A service that stores personal data sets it; only the {@code local} profile carries
 * a development ring, and any other profile without it refuses to start.
 */
@ConfigurationProperties("grassroots.field-cipher")
public record FieldCipherProperties(String keys) {
}
