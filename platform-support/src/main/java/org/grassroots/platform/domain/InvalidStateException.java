package org.grassroots.platform.domain;

/** A command the aggregate refuses in its current state, with the reason in words. */
public final class InvalidStateException extends DomainException {

    public InvalidStateException(String reason) {
        super(reason);
    }
}
