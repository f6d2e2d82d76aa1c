package org.grassroots.volunteerservice.timebank;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A transfer of hours: two movements, {@code -minutes} on {@code fromAccount} and
 * {@code +minutes} on {@code toAccount}, which sum to zero.
 *
 * @param proposedBy   who asked for it
 * @param confirmer    who must confirm it: the other party of an exchange
 * @param orgPath      where it belongs, for staff oversight
 * @param relation     for donations, how the recipient is related to the donor
 */
@Document(TransferDocument.COLLECTION)
record TransferDocument(
        @Id String id,
        TransferKind kind,
        String fromAccount,
        String toAccount,
        long minutes,
        String service,
        String relation,
        String proposedBy,
        String confirmer,
        String orgPath,
        TransferState state,
        String failureReason,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "timebank_transfers";

    boolean involves(String accountId) {
        return accountId.equals(fromAccount) || accountId.equals(toAccount);
    }
}
