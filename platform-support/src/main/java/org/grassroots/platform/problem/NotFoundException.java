package org.grassroots.platform.problem;

public class NotFoundException extends ProblemException {

    public NotFoundException(String what, String id) {
        super(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }
}
