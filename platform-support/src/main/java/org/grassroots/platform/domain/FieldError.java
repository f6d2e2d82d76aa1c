package org.grassroots.platform.domain;

/** One invalid field of a request and why, as listed in a validation problem's {@code errors}. */
public record FieldError(String field, String reason) {
}
