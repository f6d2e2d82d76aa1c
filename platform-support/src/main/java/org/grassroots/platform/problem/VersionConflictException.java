package org.grassroots.platform.problem;

/** Someone changed the aggregate after the caller read it: reload and try again. */
public class VersionConflictException extends ProblemException {

    public VersionConflictException(String what, String id, long expectedVersion) {
        super(ProblemType.VERSION_CONFLICT,
                what + " " + id + " is no longer at version " + expectedVersion + "; reload it and try again");
    }
}
