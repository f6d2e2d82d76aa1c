package org.grassroots.platform.domain;

/**
 * What the domain refuses, in its own words: a thing that does not exist, a command its state does
 * not allow, a field that breaks a rule, a conflict with what is already there, a caller who may
 * not. Plain Java, so aggregates and services throw it without knowing about HTTP;
 * platform-support's problem-details advice answers each kind with its problem type.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, InvalidStateException, InvalidFieldException, AlreadyExistsException,
        VersionConflictException, ForbiddenException {

    protected DomainException(String detail) {
        super(detail);
    }
}
