package org.grassroots.caseservice.cases;

import static org.grassroots.contracts.cases.CaseStatus.ACCEPTED;
import static org.grassroots.contracts.cases.CaseStatus.CANCELLED;
import static org.grassroots.contracts.cases.CaseStatus.CLAIMED;
import static org.grassroots.contracts.cases.CaseStatus.CLOSED;
import static org.grassroots.contracts.cases.CaseStatus.DISPATCHED;
import static org.grassroots.contracts.cases.CaseStatus.PARKED;
import static org.grassroots.contracts.cases.CaseStatus.REOPENED;
import static org.grassroots.contracts.cases.CaseStatus.REPORTED;
import static org.grassroots.contracts.cases.CaseStatus.RESOLVED;
import static org.grassroots.contracts.cases.CaseStatus.RETURNED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.platform.problem.InvalidStateException;

/**
 * The case workflow in one place: each command, the states it may start from and the state it
 * leads to. The on-site check is two commands here because its outcome decides the target;
 * {@code POST /api/cases/{id}/verify} picks one by {@code passed}.
 */
public enum CaseCommand {

    ACCEPT("accepted", ACCEPTED, REPORTED),
    CANCEL("cancelled", CANCELLED, REPORTED, ACCEPTED),
    DISPATCH("dispatched", DISPATCHED, ACCEPTED, RETURNED, REOPENED),
    CLAIM("claimed", CLAIMED, DISPATCHED),
    RETURN("returned", RETURNED, DISPATCHED, CLAIMED),
    RESOLVE("resolved", RESOLVED, CLAIMED),
    PASS_VERIFICATION("verified", CLOSED, RESOLVED),
    FAIL_VERIFICATION("verified", REOPENED, RESOLVED),
    PARK("parked", PARKED, ACCEPTED, RETURNED, REOPENED);

    private final String participle;
    private final CaseStatus target;
    private final Set<CaseStatus> sources;

    CaseCommand(String participle, CaseStatus target, CaseStatus first, CaseStatus... others) {
        this.participle = participle;
        this.target = target;
        this.sources = Collections.unmodifiableSet(EnumSet.of(first, others));
    }

    public CaseStatus target() {
        return target;
    }

    public Set<CaseStatus> sources() {
        return sources;
    }

    public boolean allowedFrom(CaseStatus current) {
        return sources.contains(current);
    }

    /** The state after this command, or a refusal that says why in words. */
    public CaseStatus from(CaseStatus current) {
        if (!allowedFrom(current)) {
            throw new InvalidStateException(refusal(current));
        }
        return target;
    }

    String refusal(CaseStatus current) {
        String allowed = sources.stream().map(CaseStatus::name).collect(Collectors.joining(" or "));
        return "A case in state %s cannot be %s; only a case that is %s can".formatted(current, participle, allowed);
    }
}
