package org.grassroots.volunteerservice.timebank;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Drives a confirmed transfer to its end: debit, then credit, refunding the debit if the credit
 * is refused. Every step is safe to repeat and every state change is conditional on the state
 * read, so a request, the recovery and a second instance may drive the same transfer at once.
 */
@Component
class TransferApplier {

    private static final Logger log = LoggerFactory.getLogger(TransferApplier.class);
    private static final int MAX_STEPS = 10;

    private final MongoTemplate mongo;
    private final Accounts accounts;
    private final Clock clock;

    TransferApplier(MongoTemplate mongo, Accounts accounts, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.clock = clock;
    }

    TransferDocument drive(String transferId) {
        TransferDocument transfer = find(transferId);
        for (int step = 0; step < MAX_STEPS && transfer.state().isInProgress(); step++) {
            switch (transfer.state()) {
                case CONFIRMED -> {
                    if (accounts.debit(transfer.fromAccount(), transfer.id(), transfer.minutes())) {
                        advance(transfer, TransferState.DEBITED, null);
                    } else {
                        advance(transfer, TransferState.FAILED, "not enough hours on the paying account");
                    }
                }
                case DEBITED -> {
                    if (accounts.credit(transfer.toAccount(), transfer.id(), transfer.minutes())) {
                        advance(transfer, TransferState.COMPLETED, null);
                    } else {
                        advance(transfer, TransferState.REFUNDING,
                                "the receiving account is missing or would exceed its storage cap");
                    }
                }
                case REFUNDING -> {
                    accounts.refund(transfer.fromAccount(), transfer.id(), transfer.minutes());
                    advance(transfer, TransferState.FAILED, transfer.failureReason());
                }
                default -> throw new IllegalStateException("not in progress: " + transfer.state());
            }
            transfer = find(transferId);
        }
        return transfer;
    }

    /** Moves the transfer on if it is still where it was read; whoever lost the race reloads and carries on. */
    private void advance(TransferDocument transfer, TransferState next, String reason) {
        if (!transfer.state().mayBecome(next)) {
            throw new IllegalStateException(transfer.state() + " may not become " + next);
        }
        Update update = Update.update("state", next).set("updatedAt", clock.instant());
        if (reason != null) {
            update.set("failureReason", reason);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(transfer.id()).and("state").is(transfer.state())),
                update, TransferDocument.class);
        if (next == TransferState.FAILED) {
            log.info("Transfer {} failed: {}", transfer.id(), reason);
        }
    }

    private TransferDocument find(String id) {
        return mongo.findById(id, TransferDocument.class);
    }
}
