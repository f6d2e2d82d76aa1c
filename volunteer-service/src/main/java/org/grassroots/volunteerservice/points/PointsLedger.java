package org.grassroots.volunteerservice.points;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.grassroots.contracts.volunteer.PointsAwarded;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.outbox.AggregateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The append-only points ledger (积分台账). Entries are only ever inserted; balances, star levels
 * and leaderboards are derived from them with the scheme in force ({@link PointsStatement}).
 */
@Service
public class PointsLedger implements IndexedQueries {

    private static final Logger log = LoggerFactory.getLogger(PointsLedger.class);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final PointsRulesStore rules;
    private final LedgerCalendar calendar;

    PointsLedger(MongoTemplate mongo, AggregateStore store, PointsRulesStore rules, LedgerCalendar calendar) {
        this.mongo = mongo;
        this.store = store;
        this.rules = rules;
        this.calendar = calendar;
    }

    /** Ledger entries by member, community, grid or area, per year. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(PointsEntryDocument.COLLECTION), List.of(
                // statement(): one member's entries of a year (or up to it).
                StoreIndex.on(PointsEntryDocument.COLLECTION).ascending("userId", "year").build(),
                // leaderboard() and manualEntries() scoped to a community, a grid or an org path.
                StoreIndex.on(PointsEntryDocument.COLLECTION).ascending("communityId", "year").build(),
                StoreIndex.on(PointsEntryDocument.COLLECTION).ascending("gridCode", "year").build(),
                StoreIndex.on(PointsEntryDocument.COLLECTION).ascending("orgPath", "year").build()));
    }

    /**
     * Appends the award's entry unless its id is already in the ledger.
     *
     * @return the entry written now, or empty if the deed was recorded before or its rule is switched off
     */
    public Optional<PointsEntry> award(Award award) {
        PointsRules scheme = rules.current();
        AwardRule rule = scheme.rule(award.rule()).orElse(null);
        int points = award.points() != null ? award.points() : rule == null ? 0 : rule.points();
        if (points == 0) {
            return Optional.empty();
        }
        PointsEntry entry = new PointsEntry(award.entryId(), award.userId(), points, award.rule(), award.reason(),
                award.sourceEventId(), calendar.yearOf(award.occurredAt()), award.occurredAt(),
                rule == null ? null : rule.capPerYear(), award.orgPath(), award.communityId(), award.gridCode(),
                award.awardedBy());
        PointsAwarded event = new PointsAwarded(entry.userId(), 1, entry.orgPath(), entry.occurredAt(), entry.id(),
                entry.points(), entry.rule(), entry.year(), entry.communityId(), entry.gridCode(),
                entry.sourceEventId());
        try {
            store.insert(PointsEntryDocument.of(entry, calendar.now()), List.of(event));
        } catch (AlreadyExistsException recordedBefore) {
            log.debug("Points entry {} was recorded before; nothing added", entry.id());
            return Optional.empty();
        }
        log.info("Points entry {}: {} points under {} for user {}", entry.id(), entry.points(), entry.rule(),
                entry.userId());
        return Optional.of(entry);
    }

    public Optional<PointsEntry> entry(String id) {
        return Optional.ofNullable(mongo.findById(id, PointsEntryDocument.class)).map(PointsEntryDocument::toEntry);
    }

    public Instant now() {
        return calendar.now();
    }

    public int currentYear() {
        return calendar.currentYear();
    }

    public PointsRules rules() {
        return rules.current();
    }

    /** A member's statement for the year from the entries that match {@code scope}. */
    public PointsStatement statement(String userId, int year, Criteria scope) {
        List<PointsEntry> entries = find(new Criteria().andOperator(scope, Criteria.where("userId").is(userId)), year);
        return PointsStatement.of(entries, year, rules.current());
    }

    /** Members ranked by their balance counted over the entries in {@code scope}, best first. */
    public List<Standing> leaderboard(Criteria scope, int year, int limit) {
        PointsRules scheme = rules.current();
        Map<String, List<PointsEntry>> byMember = find(scope, year).stream()
                .collect(Collectors.groupingBy(PointsEntry::userId));
        List<Standing> unranked = byMember.entrySet().stream()
                .map(member -> {
                    PointsStatement statement = PointsStatement.of(member.getValue(), year, scheme);
                    return new Standing(0, member.getKey(), statement.balance(), statement.stars());
                })
                .sorted(Comparator.comparingInt(Standing::balance).reversed().thenComparing(Standing::userId))
                .limit(limit)
                .toList();
        List<Standing> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Standing standing = unranked.get(i);
            boolean tied = i > 0 && unranked.get(i - 1).balance() == standing.balance();
            int rank = tied ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Standing(rank, standing.userId(), standing.balance(), standing.stars()));
        }
        return ranked;
    }

    /** Manual awards and deductions in the scope, newest first: the audit trail of staff decisions. */
    public Page<PointsEntry> manualEntries(Criteria scope, int year, Paging paging) {
        Query query = Query.query(new Criteria().andOperator(scope, Criteria.where("year").is(year),
                Criteria.where("awardedBy").ne(null))).with(Sort.by(Sort.Direction.DESC, "occurredAt", "_id"));
        return PagedQueries.page(mongo, query, PointsEntryDocument.class, PointsEntryDocument::toEntry, paging);
    }

    private List<PointsEntry> find(Criteria scope, int year) {
        Criteria years = rules.current().yearlyReset() ? Criteria.where("year").is(year) : Criteria.where("year").lte(year);
        return mongo.find(Query.query(new Criteria().andOperator(scope, years)), PointsEntryDocument.class).stream()
                .map(PointsEntryDocument::toEntry).toList();
    }

    /** A member's place on a leaderboard; equal balances share a rank. */
    public record Standing(int rank, String userId, int balance, int stars) {
    }
}
