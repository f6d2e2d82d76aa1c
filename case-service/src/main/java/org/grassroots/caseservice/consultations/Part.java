package org.grassroots.caseservice.consultations;

import java.time.Instant;

import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.DecisionPart;

/**
 * One part of a consultation's decision: what is to be done, the party that carries it out, whom
 * it was dispatched to (if it was), and when it was done.
 */
public record Part(String partId, String task, Party carriedOutBy, Assignee assignee, Instant dispatchedAt,
        Instant doneAt, String doneBy, String doneNote) {

    static Part of(String partId, String task, Party carriedOutBy) {
        return new Part(partId, task, carriedOutBy, null, null, null, null, null);
    }

    public boolean isDone() {
        return doneAt != null;
    }

    Part dispatchedTo(Assignee to, Instant at) {
        return new Part(partId, task, carriedOutBy, to, at, doneAt, doneBy, doneNote);
    }

    Part done(String by, String note, Instant at) {
        return new Part(partId, task, carriedOutBy, assignee, dispatchedAt, at, by, note);
    }

    DecisionPart toContract() {
        return new DecisionPart(partId, task, carriedOutBy.toContract());
    }
}
