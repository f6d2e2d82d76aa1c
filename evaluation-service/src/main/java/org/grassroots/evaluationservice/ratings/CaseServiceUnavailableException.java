package org.grassroots.evaluationservice.ratings;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.problem.ProblemException;

/** case-service did not answer, answered with a server error, or its circuit is open: 503, nothing stored. */
class CaseServiceUnavailableException extends ProblemException {

    CaseServiceUnavailableException() {
        super(ProblemType.SERVICE_UNAVAILABLE,
                "case-service is unavailable, so the case cannot be checked; nothing was stored, try again later");
    }
}
