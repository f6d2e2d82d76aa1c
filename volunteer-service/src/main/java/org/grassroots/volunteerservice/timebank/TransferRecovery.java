package org.grassroots.volunteerservice.timebank;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes transfers a crash (or a lost request) left confirmed but unfinished. Driving a
 * transfer is idempotent, so finishing one that is still being driven elsewhere is harmless.
 */
@Component
class TransferRecovery implements IndexedQueries {

    private static final Logger log = LoggerFactory.getLogger(TransferRecovery.class);

    private final MongoTemplate mongo;
    private final TransferApplier applier;
    private final TimeBankSettings settings;
    private final Clock clock;

    TransferRecovery(MongoTemplate mongo, TransferApplier applier, TimeBankSettings settings, Clock clock) {
        this.mongo = mongo;
        this.applier = applier;
        this.settings = settings;
        this.clock = clock;
    }

    /** Stale transfers by state and last change. */
    @Override
    public List<StoreIndex> indexes() {
        // recover(): the transfers in progress that have not moved for a while.
        return List.of(StoreIndex.on(TransferDocument.COLLECTION).ascending("state", "updatedAt").build());
    }

    @Scheduled(fixedDelayString = "${grassroots.timebank.recovery-interval:15s}")
    void recoverStale() {
        recover(settings.recoveryAfter());
    }

    /** Drives every transfer in progress that has not moved for {@code idleFor}; returns how many. */
    int recover(Duration idleFor) {
        List<TransferDocument> stale = mongo.find(Query.query(Criteria.where("state")
                .in(TransferState.CONFIRMED, TransferState.DEBITED, TransferState.REFUNDING)
                .and("updatedAt").lte(clock.instant().minus(idleFor))).limit(200), TransferDocument.class);
        stale.forEach(transfer -> {
            TransferDocument finished = applier.drive(transfer.id());
            log.info("Recovered transfer {}: {}", transfer.id(), finished.state());
        });
        return stale.size();
    }
}
