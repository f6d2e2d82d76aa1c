package org.grassroots.platform.problem;

/** A command the aggregate refuses in its current state, with the reason in words. */
public class InvalidStateException extends ProblemException {

    public InvalidStateException(String reason) {
        super(ProblemType.INVALID_STATE, reason);
    }
}
