package org.grassroots.platform.domain;

/** Something with the same identity is already there (a unique code, a second rating of one case). */
public final class AlreadyExistsException extends DomainException {

    public AlreadyExistsException(String what, String id) {
        super(what + " " + id + " already exists");
    }
}
