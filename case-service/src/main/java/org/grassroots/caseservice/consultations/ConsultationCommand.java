package org.grassroots.caseservice.consultations;

import static org.grassroots.caseservice.consultations.ConsultationStatus.CANCELLED;
import static org.grassroots.caseservice.consultations.ConsultationStatus.DECIDED;
import static org.grassroots.caseservice.consultations.ConsultationStatus.HELD;
import static org.grassroots.caseservice.consultations.ConsultationStatus.SCHEDULED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.grassroots.platform.domain.InvalidStateException;

/**
 * A consultation's workflow in one place: each command, the states it may start from and the state
 * it leads to. Dispatching and completing a part keep the state; completing the last part carries
 * the decision out ({@link ConsultationStatus#CARRIED_OUT}), which the aggregate decides.
 */
public enum ConsultationCommand {

    /** The meeting took place: who came, and the minutes. */
    HOLD("held", HELD, SCHEDULED),
    /** The meeting's decision and who carries out which part. */
    DECIDE("decided", DECIDED, HELD),
    /** Called off before a decision. */
    CANCEL("cancelled", CANCELLED, SCHEDULED, HELD),
    /** A part of the decision goes to whoever follows it up (派单); again while it is not done. */
    DISPATCH_PART("dispatched", null, DECIDED),
    /** A part of the decision is done. */
    COMPLETE_PART("completed", null, DECIDED);

    private final String participle;
    private final ConsultationStatus target;
    private final Set<ConsultationStatus> sources;

    ConsultationCommand(String participle, ConsultationStatus target, ConsultationStatus first,
            ConsultationStatus... others) {
        this.participle = participle;
        this.target = target;
        this.sources = Collections.unmodifiableSet(EnumSet.of(first, others));
    }

    public boolean allowedFrom(ConsultationStatus current) {
        return sources.contains(current);
    }

    /** The state after this command (the same for one that keeps it), or a refusal that says why. */
    public ConsultationStatus from(ConsultationStatus current) {
        if (!allowedFrom(current)) {
            String allowed = sources.stream().map(Enum::name).collect(Collectors.joining(" or "));
            throw new InvalidStateException("A consultation that is %s cannot be %s; only one that is %s can"
                    .formatted(current, participle, allowed));
        }
        return target == null ? current : target;
    }
}
