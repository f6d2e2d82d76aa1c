package org.grassroots.caseservice.open311;

import java.util.Map;

/**
 * A POST requests call as the web layer read it: the service, the place (a point, an address, or
 * both), the text, the photo's address and the answers to the service's attributes, keyed by
 * attribute code (a multivaluelist's answer is a list). The reporter's e-mail, name, phone, device
 * and account are not part of it: they are never read.
 */
public record NewServiceRequest(String serviceCode, Double lat, Double lon, String addressString, String addressId,
        String description, String mediaUrl, Map<String, Object> answers) {
}
