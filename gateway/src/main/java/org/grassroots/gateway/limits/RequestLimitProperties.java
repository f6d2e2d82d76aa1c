package org.grassroots.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Size limits on what callers send ({@code grassroots.gateway.limits.*}).
 *
 * @param maxRequestBody the largest request body passed on; larger ones get 413 problem details
 */
@ConfigurationProperties("grassroots.gateway.limits")
public record RequestLimitProperties(DataSize maxRequestBody) {
}
