package org.grassroots.volunteerservice.timebank.web;

import java.math.BigDecimal;
import java.time.Instant;

import org.grassroots.volunteerservice.timebank.Hours;
import org.grassroots.volunteerservice.timebank.TimeBank;
import org.grassroots.volunteerservice.timebank.TransferKind;
import org.grassroots.volunteerservice.timebank.TransferState;

/** A transfer: {@code -hours} on {@code fromAccount}, {@code +hours} on {@code toAccount}. */
record TransferResponse(String id, TransferKind kind, String fromAccount, String toAccount, BigDecimal hours,
        String service, String relation, TransferState state, String awaitingConfirmationBy, String failureReason,
        Instant createdAt) {

    static TransferResponse of(TimeBank.Transfer transfer) {
        return new TransferResponse(transfer.id(), transfer.kind(), transfer.fromAccount(), transfer.toAccount(),
                Hours.ofMinutes(transfer.minutes()), transfer.service(), transfer.relation(), transfer.state(),
                transfer.awaitingConfirmationBy(), transfer.failureReason(), transfer.createdAt());
    }
}
