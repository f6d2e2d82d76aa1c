package org.grassroots.orgservice.coverage;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.orgservice.scope.OrgScope;
import org.grassroots.orgservice.units.OrgTree;
import org.grassroots.orgservice.units.OrgUnit;
import org.grassroots.orgservice.units.UnitRepository;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Which building each building group covers ({@link BuildingGroupPlace}): set by the staff who may
 * change the unit (community, street and district staff of its area, administrators), read by staff
 * who see it. One building is covered by one building group at a time (409 for a second).
 */
@Service
public class BuildingGroupPlaces implements IndexedQueries {

    private static final Pattern GRID_CODE = Pattern.compile("\\d{15}|\\d{17}");
    private static final int MAX_BUILDING = 40;

    private final MongoTemplate mongo;
    private final OrgTree tree;
    private final UnitRepository units;
    private final Clock clock;

    BuildingGroupPlaces(MongoTemplate mongo, OrgTree tree, UnitRepository units, Clock clock) {
        this.mongo = mongo;
        this.tree = tree;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public List<StoreIndex> indexes() {
        // place(): is the building already covered by another group?
        return List.of(StoreIndex.on(BuildingGroupPlace.COLLECTION).ascending("gridCode", "building").build());
    }

    /** Links the building group {@code unitCode} with its building; setting the same link again changes nothing. */
    public BuildingGroupPlace place(String unitCode, String gridCode, String building, Caller caller) {
        OrgUnit unit = tree.get(unitCode, caller);
        OrgScope.requireEdit(caller, unit.path());
        if (unit.type() != OrgUnitType.BUILDING_GROUP) {
            throw new InvalidFieldException("code", "unit " + unitCode + " is a " + unit.type()
                    + "; only a BUILDING_GROUP covers a building");
        }
        if (unit.retired()) {
            throw new InvalidStateException("unit " + unitCode + " is retired");
        }
        String name = building == null ? "" : building.strip();
        List<FieldError> errors = new java.util.ArrayList<>();
        if (gridCode == null || !GRID_CODE.matcher(gridCode.strip()).matches()) {
            errors.add(new FieldError("gridCode", "a grid's code: 15 digits, or 17 for a micro-grid"));
        }
        if (name.isEmpty() || name.length() > MAX_BUILDING) {
            errors.add(new FieldError("building", "the building's name as the households give it, 1 to "
                    + MAX_BUILDING + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        String grid = gridCode.strip();
        BuildingGroupPlace held = mongo.findById(unitCode, BuildingGroupPlace.class);
        if (held != null && held.gridCode().equals(grid) && held.building().equals(name)) {
            return held;
        }
        boolean taken = mongo.find(query(where("gridCode").is(grid).and("building").is(name)), BuildingGroupPlace.class)
                .stream().anyMatch(other -> !other.unitCode().equals(unitCode) && activeGroup(other.unitCode()));
        if (taken) {
            throw new AlreadyExistsException("Building group of " + name + " in grid", grid);
        }
        BuildingGroupPlace place = new BuildingGroupPlace(unitCode, grid, name, clock.instant(), caller.userId());
        mongo.save(place);
        return place;
    }

    /** The building the group covers; 404 outside the caller's area or when it names none. */
    public BuildingGroupPlace of(String unitCode, Caller caller) {
        tree.get(unitCode, caller);
        BuildingGroupPlace place = mongo.findById(unitCode, BuildingGroupPlace.class);
        if (place == null) {
            throw new NotFoundException("Building of unit", unitCode);
        }
        return place;
    }

    /** The links of these building groups (by id). */
    List<BuildingGroupPlace> of(Collection<String> unitCodes) {
        return mongo.find(query(where("_id").in(unitCodes)), BuildingGroupPlace.class);
    }

    private boolean activeGroup(String unitCode) {
        return units.find(unitCode).filter(u -> !u.retired()).isPresent();
    }
}
