package org.grassroots.platform.testapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stand-in aggregate document: an id, a version and a field that may be removed. */
@Document("parcels")
public record Parcel(@Id String id, long version, String label, String note) {
}
