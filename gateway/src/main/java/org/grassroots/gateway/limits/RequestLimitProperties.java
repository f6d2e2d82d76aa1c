package org.grassroots.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Size limits on what callers send ({@code grassroots.gateway.limits.*}).
 *
 * @param maxRequestBody      the largest request body passed on; larger ones get 413 problem details
 * @param maxPhotoUploadBody  the same for a photo upload ({@code POST /api/cases/{id}/attachments}) only:
 *                            up to nine photos of 10 MB each and the form around them
 */
@ConfigurationProperties("grassroots.gateway.limits")
public record RequestLimitProperties(DataSize maxRequestBody, DataSize maxPhotoUploadBody) {

    public RequestLimitProperties {
        if (maxPhotoUploadBody == null) {
            maxPhotoUploadBody = maxRequestBody;
        }
    }
}
