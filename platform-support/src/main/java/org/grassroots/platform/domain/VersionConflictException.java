package org.grassroots.platform.domain;

/** Someone changed the aggregate after the caller read it: reload and try again. */
public final class VersionConflictException extends DomainException {

    public VersionConflictException(String what, String id, long expectedVersion) {
        super(what + " " + id + " is no longer at version " + expectedVersion + "; reload it and try again");
    }

    /** For a change that spans more than one document, such as a subtree moved under a lease. */
    public VersionConflictException(String detail) {
        super(detail);
    }
}
