package org.grassroots.evaluationservice.stats;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.grassroots.evaluationservice.EvaluationProperties;
import org.grassroots.evaluationservice.casefacts.CaseFact;
import org.grassroots.evaluationservice.casefacts.CaseFactStore;
import org.grassroots.evaluationservice.ratings.RatingService;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.security.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Statistics over the cases a caller may see, computed from the per-case facts and the ratings. */
@Service
public class StatsService {

    /** How far back one query may reach: keeps a query's working set bounded. */
    private static final int MAX_YEARS = 5;

    private final MongoTemplate mongo;
    private final RatingService ratings;
    private final Clock clock;
    private final ZoneId zone;

    StatsService(MongoTemplate mongo, RatingService ratings, Clock clock, EvaluationProperties properties) {
        this.mongo = mongo;
        this.ratings = ratings;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /**
     * @param from first day (inclusive) of the report dates counted; default 1 January of {@code to}'s year
     * @param to   last day (inclusive); default today in Asia/Shanghai
     */
    public List<StatsRow> query(Caller caller, Grouping grouping, Period period, LocalDate from, LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
        LocalDate first = from != null ? from : last.withDayOfYear(1);
        if (first.isAfter(last)) {
            throw new InvalidFieldException("from", "must not be after to (" + last + ")");
        }
        if (first.isBefore(last.minusYears(MAX_YEARS))) {
            throw new InvalidFieldException("from", "must be within " + MAX_YEARS + " years of to");
        }
        return compute(CaseFactStore.criteria(CaseScope.of(caller)), grouping, period, first, last.plusDays(1));
    }

    /** Statistics of the cases matching {@code scope} reported from {@code from} (inclusive) to {@code until} (exclusive). */
    public List<StatsRow> compute(Criteria scope, Grouping grouping, Period period, LocalDate from, LocalDate until) {
        List<CaseFact> facts = mongo.find(new Query(new Criteria().andOperator(scope,
                where("reportedAt").gte(from.atStartOfDay(zone).toInstant()).lt(until.atStartOfDay(zone).toInstant()))),
                CaseFact.class);
        return CaseStatistics.compute(facts, ratings.satisfactionOf(facts.stream().map(CaseFact::caseId).toList()),
                grouping, period, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
