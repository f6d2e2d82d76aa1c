package org.grassroots.platform.domain;

/** The thing does not exist, or lies outside what the caller may see (which the caller cannot tell apart). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " does not exist");
    }

    /** For what has no single id, such as a point that no grid contains. */
    public NotFoundException(String detail) {
        super(detail);
    }
}
