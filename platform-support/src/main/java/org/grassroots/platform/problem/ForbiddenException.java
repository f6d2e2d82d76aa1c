package org.grassroots.platform.problem;

public class ForbiddenException extends ProblemException {

    public ForbiddenException(String reason) {
        super(ProblemType.FORBIDDEN, reason);
    }
}
