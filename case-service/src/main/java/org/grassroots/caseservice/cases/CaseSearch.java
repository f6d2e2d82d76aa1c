package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The case lists, each scoped by the caller the same way a single case is (see
 * {@link CaseService#get}): a resident sees their own cases, staff the cases of their area,
 * department staff what is dispatched to their department or what it was summoned to, party
 * members and grid workers what is dispatched to them, a platform administrator everything.
 */
@Service
@EnableConfigurationProperties(CaseListProperties.class)
public class CaseSearch {

    static final List<CaseStatus> OPEN = List.of(CaseStatus.REPORTED, CaseStatus.ACCEPTED, CaseStatus.DISPATCHED,
            CaseStatus.CLAIMED, CaseStatus.RESOLVED, CaseStatus.RETURNED, CaseStatus.REOPENED);
    private static final List<String> AREA_ROLES = List.of(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF,
            Roles.STREET_STAFF, Roles.DISTRICT_ADMIN);

    /** Words of a text search beyond these are ignored. */
    public static final int MAX_WORDS = 5;

    private final MongoTemplate mongo;
    private final WorkingCalendar calendar;
    private final int exportBatch;

    CaseSearch(MongoTemplate mongo, WorkingCalendar calendar,
            CaseListProperties properties) {
        this.mongo = mongo;
        this.calendar = calendar;
        this.exportBatch = properties.exportBatch();
    }

    /** {@code GET /api/cases}: everything the caller may see that matches the filter, newest first. */
    public Page<Case> search(CaseFilter filter, Paging paging, Caller caller) {
        return search(filter, CaseSort.NEWEST_FIRST, paging, caller);
    }

    /** {@code GET /api/cases}: everything the caller may see that matches the filter, in the order asked. */
    public Page<Case> search(CaseFilter filter, CaseSort sort, Paging paging, Caller caller) {
        return page(filtered(filter, caller), sortOf(sort), paging);
    }

    /**
     * Every case the caller may see that matches the filter, in order, handed to {@code each} one
     * at a time as the store's cursor delivers them in batches ({@code grassroots.cases.export-batch},
     * 500 by default): an export
     * of the whole set neither stops at a page nor holds the set in memory.
     *
     * @return how many cases were handed over
     */
    public long forEach(CaseFilter filter, CaseSort sort, Caller caller, Consumer<Case> each) {
        Query query = new Query(new Criteria().andOperator(filtered(filter, caller))).with(sortOf(sort));
        query.cursorBatchSize(exportBatch);
        long count = 0;
        try (Stream<CaseDocument> documents = mongo.stream(query, CaseDocument.class)) {
            for (CaseDocument document : (Iterable<CaseDocument>) documents::iterator) {
                each.accept(document.toCase(calendar));
                count++;
            }
        }
        return count;
    }

    /**
     * The cases linked with {@code aCase} as possible duplicates that the caller may see, one page at
     * a time: the original it was linked to, if any, and the later reports linked to it, oldest
     * first (the case id breaks ties). A water cut brings hundreds of reports of one thing, so the
     * list is paged and counted rather than cut.
     */
    public Page<Case> linkedDuplicates(Case aCase, Paging paging, Caller caller) {
        List<Criteria> linked = new ArrayList<>();
        linked.add(Criteria.where("possibleDuplicateOf").is(aCase.id()));
        if (aCase.possibleDuplicateOf() != null) {
            linked.add(Criteria.where("_id").is(aCase.possibleDuplicateOf()));
        }
        Query query = new Query(new Criteria().andOperator(scope(caller), new Criteria().orOperator(linked)))
                .with(sortOf(CaseSort.OLDEST_FIRST));
        return PagedQueries.page(mongo, query, CaseDocument.class, document -> document.toCase(calendar), paging);
    }

    /** How many cases the caller may see match the filter. */
    public long count(CaseFilter filter, Caller caller) {
        return mongo.count(new Query(new Criteria().andOperator(filtered(filter, caller))), CaseDocument.class);
    }

    private static List<Criteria> filtered(CaseFilter filter, Caller caller) {
        List<Criteria> all = new ArrayList<>();
        all.add(scope(caller));
        all.addAll(criteriaOf(filter));
        return all;
    }

    /** {@code GET /api/cases/mine}: the caller's own reports. */
    public Page<Case> mine(Paging paging, Caller caller) {
        return page(List.of(Criteria.where("reporterId").is(caller.userId())),
                Sort.by(Sort.Direction.DESC, "reportedAt"), paging);
    }

    /**
     * {@code GET /api/cases/inbox}: the work waiting for the caller: for department staff the cases
     * dispatched to their department and not yet resolved, and the open cases their department was
     * summoned to and has not reported in to; for party members and grid workers the cases
     * dispatched to them. Oldest first: the longest waiting comes first.
     */
    public Page<Case> inbox(Paging paging, Caller caller) {
        List<Criteria> work = new ArrayList<>();
        List<CaseStatus> inHand = List.of(CaseStatus.DISPATCHED, CaseStatus.CLAIMED);
        if (caller.hasRole(Roles.DEPARTMENT_STAFF) && caller.departmentId() != null) {
            work.add(new Criteria().andOperator(Criteria.where("assignee.kind").is(AssigneeKind.DEPARTMENT.name()),
                    Criteria.where("assignee.id").is(caller.departmentId()), Criteria.where("status").in(inHand)));
            work.add(new Criteria().andOperator(Criteria.where("status").in(OPEN),
                    Criteria.where("summons").elemMatch(Criteria.where("departmentId").is(caller.departmentId())
                            .and("reportedInAt").is(null))));
        }
        if (caller.hasAnyRole(Roles.PARTY_MEMBER, Roles.GRID_WORKER)) {
            work.add(new Criteria().andOperator(
                    Criteria.where("assignee.kind").in(AssigneeKind.PARTY_MEMBER.name(), AssigneeKind.GRID_WORKER.name()),
                    Criteria.where("assignee.id").is(caller.userId()), Criteria.where("status").in(inHand)));
        }
        if (work.isEmpty()) {
            return Page.of(List.of(), paging, 0);
        }
        return page(List.of(new Criteria().orOperator(work)), Sort.by(Sort.Direction.ASC, "reportedAt"), paging);
    }

    /**
     * {@code GET /api/cases/triage}: what a dispatcher must look at in their area: new reports
     * waiting to be accepted, and open cases intake could not locate to a grid. Oldest first.
     */
    public Page<Case> triage(Paging paging, Caller caller) {
        Criteria waiting = new Criteria().orOperator(Criteria.where("status").is(CaseStatus.REPORTED.name()),
                new Criteria().andOperator(Criteria.where("unlocatedReason").ne(null),
                        Criteria.where("status").in(OPEN)));
        return page(List.of(areaScope(caller), waiting), sortOf(CaseSort.OLDEST_FIRST), paging);
    }

    /**
     * {@code GET /api/cases/redispatch}: open cases of the dispatcher's area still held (dispatched or
     * claimed) by one of these departments, which can no longer take them (retired since). Oldest first.
     */
    public Page<Case> heldByDepartments(List<String> departmentIds, Paging paging, Caller caller) {
        Criteria held = new Criteria().andOperator(Criteria.where("assignee.kind").is(AssigneeKind.DEPARTMENT.name()),
                Criteria.where("assignee.id").in(departmentIds),
                Criteria.where("status").in(CaseStatus.DISPATCHED.name(), CaseStatus.CLAIMED.name()));
        return page(List.of(areaScope(caller), held), Sort.by(Sort.Direction.ASC, "reportedAt"), paging);
    }

    /**
     * What Open311's public lists ({@code /open311/v2/requests}, {@code servicerequestupdates}) may
     * draw from; each part left null (or empty) does not filter.
     *
     * @param categoryCodes the categories published at all (the rest never leave the platform this way)
     * @param statuses      states asked for
     * @param ids           case ids asked for
     * @param reportedFrom  reported at or after
     * @param reportedTo    reported at or before
     * @param updatedFrom   last changed at or after
     * @param updatedTo     with a change at or before this: the report is the first change, so reported at or before
     */
    public record PublishedFilter(Collection<String> categoryCodes, Collection<CaseStatus> statuses,
            Collection<String> ids, Instant reportedFrom, Instant reportedTo, Instant updatedFrom, Instant updatedTo) {
    }

    /**
     * Open311's public lists: the cases that match {@code filter}, with no caller's scope (the
     * open311 feature decides which categories and which fields it publishes), newest report first,
     * or least recently changed first when {@code byUpdate}; the case id breaks ties.
     */
    public Page<Case> published(PublishedFilter filter, boolean byUpdate, Paging paging) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("categoryCode").in(filter.categoryCodes() == null ? List.of() : filter.categoryCodes()));
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            criteria.add(Criteria.where("status").in(filter.statuses().stream().map(CaseStatus::name).toList()));
        }
        if (filter.ids() != null && !filter.ids().isEmpty()) {
            criteria.add(Criteria.where("_id").in(filter.ids()));
        }
        if (filter.reportedFrom() != null) {
            criteria.add(Criteria.where("reportedAt").gte(filter.reportedFrom()));
        }
        if (filter.reportedTo() != null) {
            criteria.add(Criteria.where("reportedAt").lte(filter.reportedTo()));
        }
        if (filter.updatedFrom() != null) {
            criteria.add(Criteria.where("updatedAt").gte(filter.updatedFrom()));
        }
        if (filter.updatedTo() != null) {
            criteria.add(Criteria.where("reportedAt").lte(filter.updatedTo()));
        }
        Sort order = byUpdate
                ? Sort.by(Sort.Direction.ASC, "updatedAt").and(Sort.by(Sort.Direction.ASC, "_id"))
                : Sort.by(Sort.Direction.DESC, "reportedAt").and(Sort.by(Sort.Direction.DESC, "_id"));
        return page(criteria, order, paging);
    }

    /** The store's order for a list's sort; the case id breaks ties. */
    private static Sort sortOf(CaseSort sort) {
        Sort.Direction direction = sort.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(direction, sort.field().stored()).and(Sort.by(direction, "_id"));
    }

    private Page<Case> page(List<Criteria> criteria, Sort sort, Paging paging) {
        return PagedQueries.page(mongo, new Query(new Criteria().andOperator(criteria)).with(sort), CaseDocument.class,
                document -> document.toCase(calendar), paging);
    }

    /** What the caller may see, as a query: the same rules as for one case. */
    private static Criteria scope(Caller caller) {
        if (caller.isPlatformAdmin()) {
            return new Criteria();
        }
        List<Criteria> visible = new ArrayList<>();
        visible.add(Criteria.where("reporterId").is(caller.userId()));
        if (caller.hasAnyRole(AREA_ROLES.toArray(String[]::new)) && caller.orgPath() != null) {
            visible.add(underOrgPath(caller.orgPath()));
        }
        if (caller.hasRole(Roles.DEPARTMENT_STAFF) && caller.departmentId() != null) {
            visible.add(Criteria.where("departmentIds").is(caller.departmentId()));
        }
        if (caller.hasRole(Roles.PARTY_MEMBER)) {
            visible.add(assignedTo(AssigneeKind.PARTY_MEMBER, caller.userId()));
        }
        if (caller.hasRole(Roles.GRID_WORKER)) {
            visible.add(assignedTo(AssigneeKind.GRID_WORKER, caller.userId()));
        }
        return new Criteria().orOperator(visible);
    }

    /** Staff's own area only: the triage list is for dispatchers, not for what a resident reported. */
    private static Criteria areaScope(Caller caller) {
        return OrgPathScope.inAreaOf("orgPath", caller);
    }

    private static Criteria underOrgPath(String orgPath) {
        return OrgPathScope.atOrUnder("orgPath", orgPath);
    }

    /**
     * A word of the text search: its stored terms, so an index narrows the cases down (on MongoDB a
     * multikey index on {@code searchTerms}), and the word itself in the description or the place
     * description, so that its characters also stand together there.
     */
    private static Criteria containing(String word) {
        Pattern literal = Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE);
        Criteria inText = new Criteria().orOperator(Criteria.where("description").regex(literal),
                Criteria.where("locationDescription").regex(literal));
        List<String> terms = SearchTerms.ofWord(word);
        return terms.isEmpty() ? inText : new Criteria().andOperator(Criteria.where("searchTerms").all(terms), inText);
    }

    private static Criteria assignedTo(AssigneeKind kind, String id) {
        return new Criteria().andOperator(Criteria.where("assignee.kind").is(kind.name()),
                Criteria.where("assignee.id").is(id));
    }

    private static List<Criteria> criteriaOf(CaseFilter filter) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.status() != null) {
            criteria.add(Criteria.where("status").is(filter.status().name()));
        }
        if (filter.categoryCode() != null) {
            criteria.add(Criteria.where("categoryCode").is(filter.categoryCode()));
        }
        if (filter.gridCode() != null) {
            criteria.add(Criteria.where("gridCodes").is(filter.gridCode()));
        }
        if (filter.communityId() != null) {
            criteria.add(Criteria.where("communityId").is(filter.communityId()));
        }
        if (filter.streetId() != null) {
            criteria.add(Criteria.where("streetId").is(filter.streetId()));
        }
        if (filter.assigneeId() != null) {
            criteria.add(Criteria.where("assignee.id").is(filter.assigneeId()));
        }
        if (filter.departmentId() != null) {
            criteria.add(Criteria.where("departmentIds").is(filter.departmentId()));
        }
        if (filter.overdue() != null) {
            criteria.add(Criteria.where("overdue").is(filter.overdue()));
        }
        if (filter.duplicate() != null) {
            criteria.add(filter.duplicate() ? Criteria.where("possibleDuplicateOf").ne(null)
                    : Criteria.where("possibleDuplicateOf").is(null));
        }
        if (filter.from() != null) {
            criteria.add(Criteria.where("reportedAt").gte(filter.from()));
        }
        if (filter.to() != null) {
            criteria.add(Criteria.where("reportedAt").lt(filter.to()));
        }
        if (filter.supervised() != null) {
            criteria.add(Criteria.where("supervised").is(filter.supervised()));
        }
        if (filter.number() != null) {
            criteria.add(Criteria.where("number").is(filter.number()));
        }
        if (filter.text() != null) {
            for (String word : SearchTerms.words(filter.text(), MAX_WORDS)) {
                criteria.add(containing(word));
            }
        }
        return criteria;
    }
}
