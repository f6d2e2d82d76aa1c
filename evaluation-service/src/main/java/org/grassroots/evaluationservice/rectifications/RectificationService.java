package org.grassroots.evaluationservice.rectifications;


import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.grassroots.evaluationservice.EvaluationProperties;
import org.grassroots.evaluationservice.casefacts.CaseFact;
import org.grassroots.evaluationservice.casefacts.CaseFactStore;
import org.grassroots.evaluationservice.ratings.RatingService.RatingGiven;
import org.grassroots.evaluationservice.rectifications.RectificationRule.Verdict;
import org.grassroots.evaluationservice.stats.CaseScope;
import org.grassroots.evaluationservice.stats.Grouping;
import org.grassroots.evaluationservice.stats.Period;
import org.grassroots.evaluationservice.stats.StatsRow;
import org.grassroots.evaluationservice.stats.StatsService;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Applies the rectification rules to communities: after every rating (for the period of the rated
 * case's report) and on demand for a whole period. A community below a rule goes on the list with
 * a {@code RectificationListed} event; once it meets the rule again it leaves with a
 * {@code RectificationLifted} event. Both go out through the outbox with the entry's change.
 */
@Service
public class RectificationService {

    static final String DEFAULT_RULE = "satisfaction-quarterly";
    private static final Logger log = LoggerFactory.getLogger(RectificationService.class);

    private final MongoTemplate mongo;
    private final RectificationRepository repository;
    private final StatsService stats;
    private final Clock clock;
    private final EvaluationProperties properties;

    RectificationService(MongoTemplate mongo, RectificationRepository repository, StatsService stats, Clock clock,
            EvaluationProperties properties) {
        this.mongo = mongo;
        this.repository = repository;
        this.stats = stats;
        this.clock = clock;
        this.properties = properties;
    }

    /** Seeds the default rule once; afterwards the rules are whatever the district made them. */
    @EventListener(ApplicationReadyEvent.class)
    void seedDefaultRule() {
        if (repository.rule(DEFAULT_RULE).isEmpty()) {
            try {
                repository.add(new RectificationRule(DEFAULT_RULE,
                        "居民满意度低于60%的社区列入软弱涣散党组织整顿名单 (satisfaction below the threshold over a quarter)",
                        properties.rectification().defaultThreshold(), properties.rectification().defaultMinimumRatings(),
                        Period.QUARTER, true, 1));
            } catch (AlreadyExistsException seededByAnotherInstance) {
                log.debug("Default rectification rule already seeded");
            }
        }
    }

    @EventListener
    void onRatingGiven(RatingGiven given) {
        if (given.rating().communityId() == null || given.rating().reportedAt() == null) {
            return;
        }
        try {
            evaluate(given.rating().communityId(), given.rating().reportedAt().atZone(stats.zone()).toLocalDate());
        } catch (RuntimeException e) {
            // The rating is stored; the next rating or an evaluation run of the period catches up.
            log.warn("Could not re-evaluate community {} after a rating: {}", given.rating().communityId(), e.getMessage());
        }
    }

    public List<RectificationRule> rules() {
        return repository.rules();
    }

    /** Creates or changes a rule; {@code expectedVersion} (when given) must be the stored one. */
    public RectificationRule saveRule(RectificationRule wanted, Long expectedVersion) {
        RectificationRule current = repository.rule(wanted.id()).orElse(null);
        if (current == null) {
            repository.add(wanted);
            return wanted;
        }
        long read = current.version();
        if (expectedVersion != null && expectedVersion != read) {
            throw new VersionConflictException("Rectification rule", wanted.id(), expectedVersion);
        }
        RectificationRule next = current.changedTo(wanted);
        repository.update(next, read);
        return next;
    }

    /** Re-evaluates every community with cases reported in the period holding {@code day}, under every active rule. */
    public void evaluateAll(LocalDate day) {
        for (RectificationRule rule : activeRules()) {
            LocalDate from = rule.period().start(day);
            for (StatsRow row : stats.compute(new Criteria(), Grouping.COMMUNITY, null, from, rule.period().end(day))) {
                if (!Grouping.NONE.equals(row.group())) {
                    apply(rule, row.group(), day, row);
                }
            }
        }
    }

    /** Re-evaluates one community for the period holding {@code day}, under every active rule. */
    public void evaluate(String communityId, LocalDate day) {
        for (RectificationRule rule : activeRules()) {
            List<StatsRow> rows = stats.compute(where("communityId").is(communityId), Grouping.COMMUNITY, null,
                    rule.period().start(day), rule.period().end(day));
            if (!rows.isEmpty()) {
                apply(rule, communityId, day, rows.get(0));
            }
        }
    }

    /** The entries in the caller's area, for one period label or all, listed ones unless {@code includeLifted}. */
    public List<RectificationEntry> list(Caller caller, String period, boolean includeLifted) {
        List<Criteria> criteria = new ArrayList<>(List.of(CaseFactStore.criteria(CaseScope.of(caller))));
        if (period != null && !period.isBlank()) {
            criteria.add(where("period").is(period.strip().toUpperCase(Locale.ROOT)));
        }
        if (!includeLifted) {
            criteria.add(where("listed").is(true));
        }
        return repository.entries(new Criteria().andOperator(criteria));
    }

    private void apply(RectificationRule rule, String communityId, LocalDate day, StatsRow row) {
        long satisfied = row.satisfied() + row.basicallySatisfied();
        Verdict verdict = rule.judge(row.rated(), satisfied);
        if (verdict == Verdict.TOO_FEW_RATINGS) {
            return;
        }
        String period = rule.period().label(day);
        BigDecimal rate = BigDecimal.valueOf(satisfied).divide(BigDecimal.valueOf(row.rated()), 4, RoundingMode.HALF_UP);
        Instant now = clock.instant();
        RectificationEntry entry = repository.entry(RectificationEntry.idOf(rule.id(), communityId, period)).orElse(null);
        if (verdict == Verdict.BELOW && entry == null) {
            var listed = RectificationEntry.firstListed(rule, communityId, communityPath(communityId), period, rate,
                    row.rated(), now);
            repository.add(listed.entry(), List.of(listed.event()));
            log.info("Community {} put on the rectification list for {} under rule {}", communityId, period, rule.id());
        } else if (verdict == Verdict.BELOW && !entry.listed()) {
            long read = entry.version();
            var relisted = entry.relist(rate, row.rated(), rule.threshold(), now);
            repository.update(entry, read, List.of(relisted));
        } else if (verdict == Verdict.MEETS && entry != null && entry.listed()) {
            long read = entry.version();
            var lifted = entry.lift(rate, row.rated(), now);
            repository.update(entry, read, List.of(lifted));
            log.info("Community {} left the rectification list for {} under rule {}", communityId, period, rule.id());
        }
    }

    private List<RectificationRule> activeRules() {
        return repository.activeRules();
    }

    /** The community's own org path: the case paths cut after the community's segment. */
    private String communityPath(String communityId) {
        CaseFact any = mongo.findOne(Query.query(where("communityId").is(communityId).and("orgPath").ne(null)),
                CaseFact.class);
        if (any == null) {
            throw new NotFoundException("Community", communityId);
        }
        int at = any.orgPath().indexOf("/" + communityId);
        return at < 0 ? any.orgPath() : any.orgPath().substring(0, at + communityId.length() + 1);
    }
}
