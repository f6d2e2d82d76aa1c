package org.grassroots.volunteerservice.timebank;

import java.util.Map;
import java.util.Set;

/**
 * Where a transfer stands. Hours move in two steps, each recorded on its account document with
 * the transfer's id, so either step can be repeated safely after a crash:
 * <pre>
 * PROPOSED ──confirm──▶ CONFIRMED ──debit──▶ DEBITED ──credit──▶ COMPLETED
 *    │                      │                   │
 *    ├─decline▶ DECLINED    └─debit refused─▶ FAILED ◀─refund── REFUNDING ◀─credit refused
 *    └─cancel─▶ CANCELLED
 * </pre>
 * While a transfer is DEBITED or REFUNDING its hours are in flight: the debit has happened, the
 * credit (or the refund) not yet.
 */
public enum TransferState {
    PROPOSED, CONFIRMED, DEBITED, REFUNDING, COMPLETED, FAILED, DECLINED, CANCELLED;

    private static final Map<TransferState, Set<TransferState>> NEXT = Map.of(
            PROPOSED, Set.of(CONFIRMED, DECLINED, CANCELLED),
            CONFIRMED, Set.of(DEBITED, FAILED),
            DEBITED, Set.of(COMPLETED, REFUNDING),
            REFUNDING, Set.of(FAILED));

    public boolean mayBecome(TransferState next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** Confirmed but not yet finished: the recovery drives these on. */
    public boolean isInProgress() {
        return this == CONFIRMED || this == DEBITED || this == REFUNDING;
    }

    public boolean isFinal() {
        return NEXT.getOrDefault(this, Set.of()).isEmpty();
    }
}
