package org.grassroots.orgservice.departments;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;

import org.grassroots.contracts.orgs.DepartmentRegistered;
import org.grassroots.contracts.orgs.DepartmentUpdated;
import org.grassroots.orgservice.imports.Outcome;
import org.grassroots.orgservice.scope.OrgScope;
import org.grassroots.orgservice.units.OrgUnit;
import org.grassroots.orgservice.units.UnitRepository;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The departments: everyone signed in reads them (dispatchers choose one, residents see who
 * handles their case); district and platform administrators keep them. Saving is an upsert by
 * code, so the demo loader and imports can say the same thing twice and change nothing.
 */
@Service
public class Departments implements IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final UnitRepository units;
    private final Clock clock;

    Departments(MongoTemplate mongo, AggregateStore store, UnitRepository units, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.units = units;
        this.clock = clock;
    }

    /** Departments by the categories they handle. */
    @Override
    public List<StoreIndex> indexes() {
        // list(categoryCode): the departments that handle a category (a page by code: the few that match are sorted).
        return IndexedQueries.all(OutboxIndexes.ofOutbox("departments"),
                List.of(StoreIndex.on("departments").ascending("categoryCodes").build()));
    }

    public record Saved(Department department, Outcome outcome) {
    }

    public Saved save(String code, Department.Definition definition, Long expectedVersion, Caller caller) {
        if (!OrgScope.isAdmin(caller)) {
            throw new ForbiddenException("Departments are kept by district and platform administrators");
        }
        OrgUnit.requireCode(code, "code");
        if (definition.name() == null || definition.name().isBlank()) {
            throw new InvalidFieldException("name", "is required");
        }
        if (definition.type() == null) {
            throw new InvalidFieldException("type", "is required");
        }
        if (definition.areaCode() == null || definition.areaCode().isBlank()) {
            throw new InvalidFieldException("areaCode", "is required: the unit whose area the department serves");
        }
        OrgUnit area = units.find(definition.areaCode()).filter(u -> OrgScope.maySee(caller, u.path()))
                .orElseThrow(() -> new InvalidFieldException("areaCode", "is not a unit in your area"));
        DepartmentDocument stored = mongo.findById(code, DepartmentDocument.class);
        if (stored == null) {
            Department created = Department.of(code, definition, area.path(), 1);
            store.insert(DepartmentDocument.of(created), List.of(new DepartmentRegistered(code, 1, area.path(),
                    clock.instant(), created.facts())));
            return new Saved(created, Outcome.CREATED);
        }
        Department current = stored.toDepartment();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new VersionConflictException("Department", code, expectedVersion);
        }
        if (current.matches(definition, area.path())) {
            return new Saved(current, Outcome.UNCHANGED);
        }
        Department updated = Department.of(code, definition, area.path(), current.version() + 1);
        store.update(DepartmentDocument.of(updated), current.version(), List.of(new DepartmentUpdated(code,
                updated.version(), area.path(), clock.instant(), updated.facts())));
        return new Saved(updated, Outcome.UPDATED);
    }

    public Department get(String code) {
        DepartmentDocument stored = mongo.findById(code, DepartmentDocument.class);
        if (stored == null) {
            throw new NotFoundException("Department", code);
        }
        return stored.toDepartment();
    }

    /**
     * A page of the departments, or of those handling one case category, by code (the code is the
     * id, so the order is total and paging neither repeats nor skips one).
     */
    public Page<Department> list(String categoryCode, Paging paging) {
        var query = categoryCode == null || categoryCode.isBlank() ? new Query()
                : query(where("categoryCodes").is(categoryCode));
        return PagedQueries.page(mongo, query.with(Sort.by("_id")), DepartmentDocument.class,
                DepartmentDocument::toDepartment, paging);
    }
}
