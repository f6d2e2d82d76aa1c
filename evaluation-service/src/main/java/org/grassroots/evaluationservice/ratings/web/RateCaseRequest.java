package org.grassroots.evaluationservice.ratings.web;

import org.grassroots.contracts.evaluation.Satisfaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A rating of a closed case.
 *
 * @param caseId       the case
 * @param satisfaction SATISFIED, BASICALLY_SATISFIED or DISSATISFIED
 * @param comment      what the reporter says, up to 500 characters; kept in evaluation-service only
 */
record RateCaseRequest(
        @NotBlank @Size(max = 64) String caseId,
        @NotNull Satisfaction satisfaction,
        @Size(max = 500) String comment) {
}
