package org.grassroots.evaluationservice.propertycompanies;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.orgs.PartnerKind;
import org.grassroots.evaluationservice.EvaluationProperties;
import org.grassroots.evaluationservice.Stars;
import org.grassroots.evaluationservice.partners.Partner;
import org.grassroots.evaluationservice.partners.PartnerDirectory;
import org.grassroots.evaluationservice.stats.Grouping;
import org.grassroots.evaluationservice.stats.Period;
import org.grassroots.evaluationservice.stats.StatsRow;
import org.grassroots.evaluationservice.stats.StatsService;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Property companies: monthly inspections, quarterly evaluations, star ratings and the half-yearly
 * red and black lists (红黑榜), of the partners org-service registered as property companies
 * ({@link PartnerDirectory}), by their partner code. The district and the housing department (住建,
 * which oversees property services) inspect; other staff read.
 */
@Service
public class PropertyCompanyService {

    /** The department that oversees property services. */
    static final String HOUSING = "dept-housing";

    /** The request field that names the company: the path's partner code. */
    static final String CODE_FIELD = "code";

    private final PropertyCompanyRepository companies;
    private final PartnerDirectory partners;
    private final StatsService stats;
    private final EvaluationProperties properties;

    PropertyCompanyService(PropertyCompanyRepository companies, PartnerDirectory partners, StatsService stats,
            EvaluationProperties properties) {
        this.companies = companies;
        this.partners = partners;
        this.stats = stats;
        this.properties = properties;
    }

    /** A property company: org-service's partner and the inspections evaluation holds of it. */
    public record Rated(Partner partner, PropertyCompany company) {
    }

    public Rated inspect(String code, PropertyCompany.Inspection inspection, Caller caller) {
        requireOverseer(caller);
        Partner partner = partners.require(code, PartnerKind.PROPERTY_COMPANY, CODE_FIELD);
        PropertyCompany company = companies.find(code).orElseGet(() -> PropertyCompany.uninspected(code));
        long read = company.version();
        List<IntegrationEvent> events = company.inspect(inspection);
        companies.save(company, read, events);
        return new Rated(partner, company);
    }

    public Rated get(String code, Caller caller) {
        requireReader(caller);
        Partner partner = partners.require(code, PartnerKind.PROPERTY_COMPANY, CODE_FIELD);
        return new Rated(partner, companies.find(code).orElseGet(() -> PropertyCompany.uninspected(code)));
    }

    /** A page of the property companies org-service registered, by code, with their inspections. */
    public Page<Rated> list(Paging paging, Caller caller) {
        requireReader(caller);
        Page<Partner> known = partners.pageOfKind(PartnerKind.PROPERTY_COMPANY, paging);
        Map<String, PropertyCompany> inspected = companies.findAll(known.items().stream().map(Partner::code).toList());
        return known.map(partner -> rated(partner, inspected));
    }

    public QuarterlyEvaluation evaluate(String code, String quarter, Caller caller) {
        Rated rated = get(code, caller);
        return evaluate(rated, Period.quarterStart(quarter));
    }

    /** The half-year's best companies (red list) and worst (black list), by the mean of their quarter scores. */
    public RedBlackList redBlackList(int year, int half, Caller caller) {
        requireReader(caller);
        LocalDate first = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        List<RedBlackList.Standing> ranked = all().stream()
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

    private List<Rated> all() {
        List<Partner> known = partners.ofKind(PartnerKind.PROPERTY_COMPANY);
        Map<String, PropertyCompany> inspected = companies.findAll(known.stream().map(Partner::code).toList());
        return known.stream().map(partner -> rated(partner, inspected)).toList();
    }

    private static Rated rated(Partner partner, Map<String, PropertyCompany> inspected) {
        return new Rated(partner, inspected.getOrDefault(partner.code(), PropertyCompany.uninspected(partner.code())));
    }

    private RedBlackList.Standing standing(Rated company, LocalDate halfStart) {
        List<Double> scores = List.of(evaluate(company, halfStart), evaluate(company, halfStart.plusMonths(3))).stream()
                .map(QuarterlyEvaluation::score).filter(Objects::nonNull).toList();
        if (scores.isEmpty()) {
            return null;
        }
        double score = round(scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        return new RedBlackList.Standing(company.partner().code(), company.partner().name(), score, Stars.of(score));
    }

    QuarterlyEvaluation evaluate(Rated rated, LocalDate quarterStart) {
        Partner partner = rated.partner();
        List<PropertyCompany.Inspection> inspections = rated.company().inspectionsOf(YearMonth.from(quarterStart), 3);
        Criteria complaints = where("communityId").in(partner.communityCodes())
                .and("categoryCode").in(properties.propertyCompanies().complaintCategories());
        List<StatsRow> rows = stats.compute(complaints, Grouping.ALL, null, quarterStart, quarterStart.plusMonths(3));
        long filed = rows.isEmpty() ? 0 : rows.get(0).filed();
        long complaintsRated = rows.isEmpty() ? 0 : rows.get(0).rated();
        Double satisfaction = rows.isEmpty() ? null : rows.get(0).satisfactionRate();
        Double mean = inspections.isEmpty() ? null
                : round(inspections.stream().mapToInt(PropertyCompany.Inspection::score).average().orElseThrow());
        Double score = mean == null ? null
                : round(Math.max(0, 0.7 * mean + 0.3 * (satisfaction == null ? 100 : satisfaction * 100)
                        - Math.min(10, filed)));
        return new QuarterlyEvaluation(partner.code(), partner.name(), Period.QUARTER.label(quarterStart), inspections,
                mean, filed, complaintsRated, satisfaction, score, score == null ? null : Stars.of(score));
    }

    private static void requireOverseer(Caller caller) {
        boolean housing = caller.hasRole(Roles.DEPARTMENT_STAFF) && HOUSING.equals(caller.departmentId());
        if (!(housing || caller.isPlatformAdmin() || caller.hasRole(Roles.DISTRICT_ADMIN))) {
            throw new ForbiddenException("Property companies are inspected by the district and the housing department");
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
