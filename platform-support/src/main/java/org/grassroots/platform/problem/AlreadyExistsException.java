package org.grassroots.platform.problem;

public class AlreadyExistsException extends ProblemException {

    public AlreadyExistsException(String what, String id) {
        super(ProblemType.ALREADY_EXISTS, what + " " + id + " already exists");
    }
}
