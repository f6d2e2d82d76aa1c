package org.grassroots.gridservice.pii;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts ID numbers and phone numbers at rest: 32 bytes, base64, from the environment
 * variable {@code GRASSROOTS_PII_KEY}. Only the {@code local} profile (the default profile, used by
 * {@code ./grassroots up} and the tests) falls back to a published development key; any other profile
 * without the variable refuses to start.
 */
@ConfigurationProperties("grassroots.pii")
public record PiiProperties(String key) {
}
