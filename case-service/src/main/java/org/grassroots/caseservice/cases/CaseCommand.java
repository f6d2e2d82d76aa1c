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
import org.grassroots.platform.domain.InvalidStateException;

/**
 * The case workflow in one place: each command, the states it may start from and the state it
 * leads to. The on-site check is two commands here because its outcome decides the target;
 * {@code POST /api/cases/{id}/verify} picks one by {@code passed}. Some commands keep the state
 * (escalate, whistle, report in, extend, supervise, pause, resume, locate): for them the table says only
 * in which states they may run.
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
    PARK("parked", PARKED, ACCEPTED, RETURNED, REOPENED),
    /** 发回重办 of a closed case: by staff on review, or after the resident rated it dissatisfied. */
    REOPEN("reopened", REOPENED, CLOSED),
    // The commands below leave the state as it is; they change the level, the time limits or the flags.
    ESCALATE("escalated", null, ACCEPTED, DISPATCHED, CLAIMED, RESOLVED, RETURNED, REOPENED),
    WHISTLE("whistled for", null, ACCEPTED, DISPATCHED, CLAIMED, RETURNED, REOPENED),
    REPORT_IN("reported in to", null, ACCEPTED, DISPATCHED, CLAIMED, RESOLVED, RETURNED, REOPENED),
    EXTEND("extended", null, ACCEPTED, DISPATCHED, CLAIMED, RESOLVED),
    SUPERVISE("supervised", null, REPORTED, ACCEPTED, DISPATCHED, CLAIMED, RESOLVED, RETURNED, REOPENED, PARKED),
    /** Waiting for the resident (补充材料, access to the home): the running time limit stops counting. */
    PAUSE("paused", null, ACCEPTED, DISPATCHED, CLAIMED, RESOLVED),
    RESUME("resumed", null, ACCEPTED, DISPATCHED, CLAIMED, RESOLVED),
    /** Staff place a case intake could not locate, as long as it is being worked on (it waits in triage). */
    LOCATE("located", null, REPORTED, ACCEPTED, DISPATCHED, CLAIMED, RESOLVED, RETURNED, REOPENED),
    /** 销账恢复: a parked case is taken up again and goes back to the dispatcher, accepted. */
    TAKE_UP("taken up", ACCEPTED, PARKED);

    private final String participle;
    private final CaseStatus target;
    private final Set<CaseStatus> sources;

    CaseCommand(String participle, CaseStatus target, CaseStatus first, CaseStatus... others) {
        this.participle = participle;
        this.target = target;
        this.sources = Collections.unmodifiableSet(EnumSet.of(first, others));
    }

    /** The state the command leads to, or null for a command that keeps the state. */
    public CaseStatus target() {
        return target;
    }

    public Set<CaseStatus> sources() {
        return sources;
    }

    public boolean allowedFrom(CaseStatus current) {
        return sources.contains(current);
    }

    /** The state after this command (the same state for a command that keeps it), or a refusal that says why. */
    public CaseStatus from(CaseStatus current) {
        if (!allowedFrom(current)) {
            throw new InvalidStateException(refusal(current));
        }
        return keepsState() ? current : target;
    }

    /** Whether the command leaves the case in the state it is in. */
    public boolean keepsState() {
        return target == null;
    }

    String refusal(CaseStatus current) {
        String allowed = sources.stream().map(CaseStatus::name).collect(Collectors.joining(" or "));
        return "A case in state %s cannot be %s; only a case that is %s can".formatted(current, participle, allowed);
    }
}
