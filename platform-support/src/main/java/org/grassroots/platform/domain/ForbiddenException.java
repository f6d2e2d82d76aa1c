package org.grassroots.platform.domain;

/** The caller is known but their role or area does not allow this. */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}
