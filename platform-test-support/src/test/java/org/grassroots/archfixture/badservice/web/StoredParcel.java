package org.grassroots.archfixture.badservice.web;

import org.springframework.data.mongodb.core.mapping.Document;

@Document("parcels")
public record StoredParcel(String id) {
}
