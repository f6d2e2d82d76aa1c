package org.grassroots.evaluationservice.propertycompanies;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.grassroots.evaluationservice.EvaluationProperties;
import org.grassroots.evaluationservice.Stars;
import org.grassroots.evaluationservice.stats.Grouping;
import org.grassroots.evaluationservice.stats.Period;
import org.grassroots.evaluationservice.stats.StatsRow;
import org.grassroots.evaluationservice.stats.StatsService;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Property companies: registration of the communities they serve, monthly inspections, quarterly
 * evaluations, star ratings and the half-yearly red and black lists (红黑榜). The district and the
 * housing department (住建, which oversees property services) manage them; other staff read.
 */
@Service
public class PropertyCompanyService implements IndexedQueries {

    /** The department that oversees property services. */
    static final String HOUSING = "dept-housing";

    private final MongoTemplate mongo;
    private final StatsService stats;
    private final EvaluationProperties properties;

    PropertyCompanyService(MongoTemplate mongo, StatsService stats, EvaluationProperties properties) {
        this.mongo = mongo;
        this.stats = stats;
        this.properties = properties;
    }

    /** Property companies' version compare-and-set. */
    @Override
    public List<StoreIndex> indexes() {
        // replace(): changes a company only at the version read; the few companies are read whole.
        return List.of(StoreIndex.compareAndSet("property_companies", "version"));
    }

    public PropertyCompany register(String id, String name, List<String> communityIds, Caller caller) {
        requireOverseer(caller);
        PropertyCompany current = mongo.findById(id, PropertyCompany.class);
        if (current == null) {
            PropertyCompany created = new PropertyCompany(id, name, communityIds, List.of(), 1);
            mongo.insert(created);
            return created;
        }
        return replace(current, current.registered(name, communityIds));
    }

    public PropertyCompany inspect(String id, PropertyCompany.Inspection inspection, Caller caller) {
        requireOverseer(caller);
        PropertyCompany current = get(id, caller);
        return replace(current, current.inspected(inspection));
    }

    public PropertyCompany get(String id, Caller caller) {
        requireReader(caller);
        PropertyCompany company = mongo.findById(id, PropertyCompany.class);
        if (company == null) {
            throw new NotFoundException("Property company", id);
        }
        return company;
    }

    public List<PropertyCompany> list(Caller caller) {
        requireReader(caller);
        return mongo.findAll(PropertyCompany.class).stream().sorted(Comparator.comparing(PropertyCompany::id)).toList();
    }

    public QuarterlyEvaluation evaluate(String id, String quarter, Caller caller) {
        return evaluate(get(id, caller), Period.quarterStart(quarter));
    }

    /** The half-year's best companies (red list) and worst (black list), by the mean of their quarter scores. */
    public RedBlackList redBlackList(int year, int half, Caller caller) {
        requireReader(caller);
        LocalDate first = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        List<RedBlackList.Standing> ranked = mongo.findAll(PropertyCompany.class).stream()
                .map(company -> standing(company, first))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(RedBlackList.Standing::score).reversed()
                        .thenComparing(RedBlackList.Standing::companyId))
                .toList();
        int size = Math.min(properties.propertyCompanies().listSize(), ranked.size() / 2);
        List<RedBlackList.Standing> worstFirst = new ArrayList<>(ranked.subList(ranked.size() - size, ranked.size()));
        Collections.reverse(worstFirst);
        return new RedBlackList(year + "-H" + half, ranked.subList(0, size), worstFirst, ranked);
    }

    private RedBlackList.Standing standing(PropertyCompany company, LocalDate halfStart) {
        List<Double> scores = List.of(evaluate(company, halfStart), evaluate(company, halfStart.plusMonths(3))).stream()
                .map(QuarterlyEvaluation::score).filter(Objects::nonNull).toList();
        if (scores.isEmpty()) {
            return null;
        }
        double score = round(scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        return new RedBlackList.Standing(company.id(), company.name(), score, Stars.of(score));
    }

    QuarterlyEvaluation evaluate(PropertyCompany company, LocalDate quarterStart) {
        YearMonth firstMonth = YearMonth.from(quarterStart);
        List<PropertyCompany.Inspection> inspections = company.inspections().stream()
                .filter(i -> !YearMonth.parse(i.month()).isBefore(firstMonth)
                        && YearMonth.parse(i.month()).isBefore(firstMonth.plusMonths(3)))
                .toList();
        Criteria complaints = where("communityId").in(company.communityIds())
                .and("categoryCode").in(properties.propertyCompanies().complaintCategories());
        List<StatsRow> rows = stats.compute(complaints, Grouping.ALL, null, quarterStart, quarterStart.plusMonths(3));
        long filed = rows.isEmpty() ? 0 : rows.get(0).filed();
        long rated = rows.isEmpty() ? 0 : rows.get(0).rated();
        Double satisfaction = rows.isEmpty() ? null : rows.get(0).satisfactionRate();
        Double mean = inspections.isEmpty() ? null
                : round(inspections.stream().mapToInt(PropertyCompany.Inspection::score).average().orElseThrow());
        Double score = mean == null ? null
                : round(Math.max(0, 0.7 * mean + 0.3 * (satisfaction == null ? 100 : satisfaction * 100)
                        - Math.min(10, filed)));
        return new QuarterlyEvaluation(company.id(), company.name(), Period.QUARTER.label(quarterStart), inspections,
                mean, filed, rated, satisfaction, score, score == null ? null : Stars.of(score));
    }

    private PropertyCompany replace(PropertyCompany current, PropertyCompany next) {
        if (mongo.findAndReplace(Query.query(where("_id").is(current.id()).and("version").is(current.version())),
                next) == null) {
            throw new VersionConflictException("Property company", current.id(), current.version());
        }
        return next;
    }

    private static void requireOverseer(Caller caller) {
        boolean housing = caller.hasRole(Roles.DEPARTMENT_STAFF) && HOUSING.equals(caller.departmentId());
        if (!(housing || caller.isPlatformAdmin() || caller.hasRole(Roles.DISTRICT_ADMIN))) {
            throw new ForbiddenException("Property companies are managed by the district and the housing department");
        }
    }

    private static void requireReader(Caller caller) {
        if (!(caller.isPlatformAdmin() || caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF,
                Roles.DISTRICT_ADMIN, Roles.DEPARTMENT_STAFF))) {
            throw new ForbiddenException("Property company evaluations are for staff");
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
