package org.grassroots.caseservice.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.lease.FieldLease;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Finds the cases whose time limits have reached a threshold (50%, 75%, overdue) and lets each
 * case say what that means ({@link Case#checkSla}): warnings, or overdue with escalation and
 * supervision. Every case document carries {@code slaCheckAt}, the instant its running clock
 * reaches its next threshold, so a scan reads only the cases that are due.
 *
 * <p>Safe with several instances: an instance first claims a due case with a conditional
 * single-document update that sets a short lease ({@code slaLease}, beside the case's own fields)
 * only if no other instance holds one; the others skip it. The change itself is stored like any
 * command, only if the case is still at the version read, so even an instance that outlived its
 * lease cannot report a threshold twice. Nothing lives in memory: a restarted instance finds the
 * thresholds already reported in the case documents. Lives in the cases package because it works on
 * the aggregate through its repository.
 */
@Component
@EnableConfigurationProperties(SlaScannerProperties.class)
public class SlaScanner implements IndexedQueries {

    private static final Logger log = LoggerFactory.getLogger(SlaScanner.class);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final CaseRepository cases;
    private final Clock clock;
    private final FieldLease lease;
    private final boolean enabled;
    private final String owner = UUID.randomUUID().toString();

    SlaScanner(MongoTemplate mongo, CaseRepository cases, Clock clock,
            SlaScannerProperties properties) {
        this.mongo = mongo;
        this.cases = cases;
        this.clock = clock;
        this.lease = new FieldLease("slaLease", properties.lease());
        this.enabled = properties.enabled();
    }

    @Scheduled(fixedDelayString = "${grassroots.sla.scanner.interval:PT30S}",
            initialDelayString = "${grassroots.sla.scanner.interval:PT30S}")
    void scheduledScan() {
        if (enabled) {
            scan();
        }
    }

    /** Looks at every case due now that no other instance is looking at; returns how many events it produced. */
    public int scan() {
        Instant now = clock.instant();
        int produced = 0;
        for (String id : dueCaseIds(now)) {
            if (!claim(id, now)) {
                continue;
            }
            try {
                produced += check(id, now);
            } catch (VersionConflictException changedMeanwhile) {
                // Someone acted on the case since it was read; its new slaCheckAt brings it back if still due.
                log.debug("Case {} changed during its SLA check; it is looked at again on the next scan", id);
            } finally {
                release(id);
            }
        }
        return produced;
    }

    /**
     * Brings forward to {@code at} the next check of every case whose next threshold lies at or after
     * {@code from}: after a holiday calendar changed, those thresholds may now come earlier than stored
     * (a holiday taken out, a make-up working day added). The check recomputes them with the new
     * calendar and stores the right instant; a threshold that has not come yet produces nothing.
     *
     * @return how many cases will be checked again
     */
    public long recheckFrom(Instant from, Instant at) {
        return collection().updateMany(Filters.gte(CaseDocument.SLA_CHECK_AT, Date.from(from)),
                Updates.set(CaseDocument.SLA_CHECK_AT, Date.from(at))).getModifiedCount();
    }

    /** dueCaseIds(): the cases whose next threshold has come, earliest first. */
    @Override
    public List<StoreIndex> indexes() {
        return List.of(StoreIndex.on(CaseIndexes.CASES).ascending(CaseDocument.SLA_CHECK_AT).build());
    }

    private List<String> dueCaseIds(Instant now) {
        List<String> ids = new ArrayList<>();
        collection().find(Filters.lte(CaseDocument.SLA_CHECK_AT, Date.from(now)))
                .projection(Projections.include("_id"))
                .sort(Sorts.ascending(CaseDocument.SLA_CHECK_AT))
                .limit(BATCH)
                .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    /** Takes the lease on a due case unless another instance holds one that has not run out. */
    private boolean claim(String id, Instant now) {
        return lease.take(collection(), id, Filters.lte(CaseDocument.SLA_CHECK_AT, Date.from(now)), owner, now,
                Projections.include("_id")) != null;
    }

    private int check(String id, Instant now) {
        Case aCase = cases.find(id).orElse(null);
        if (aCase == null) {
            return 0;
        }
        long read = aCase.version();
        List<CaseEvent> events = aCase.checkSla(now);
        // Stored even without events: the write moves slaCheckAt on to the next threshold.
        cases.update(aCase, read, events);
        if (!events.isEmpty()) {
            log.info("Case {}: {} SLA event(s) at version {}", id, events.size(), aCase.version());
        }
        return events.size();
    }

    private void release(String id) {
        lease.release(collection(), id, owner);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(mongo.getCollectionName(CaseDocument.class));
    }
}
