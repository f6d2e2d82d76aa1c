package org.grassroots.caseservice.open311;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a case filed through Open311 keeps beside the case itself: which client system filed it and
 * the address of the photo the client published ({@code media_url}), which the case has no place
 * for. Never the reporter's name, e-mail, phone, device or account: those are not kept at all.
 *
 * @param id          the case's id (Open311's {@code service_request_id})
 * @param clientId    the Keycloak client of the system that filed it
 * @param mediaUrl    the photo's address as the client gave it, or null
 * @param submittedAt when it was filed
 */
@Document(Open311SubmissionDocument.COLLECTION)
public record Open311SubmissionDocument(@Id String id, String clientId, String mediaUrl, Instant submittedAt) {

    public static final String COLLECTION = "open311_requests";
}
