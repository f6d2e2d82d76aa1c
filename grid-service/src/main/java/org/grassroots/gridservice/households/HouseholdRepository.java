package org.grassroots.gridservice.households;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.gridservice.buildings.Building;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Loads and stores households; storing a change also stores its events for the outbox relay. */
@Repository
public class HouseholdRepository implements IndexedQueries {

    private static final String COLLECTION = HouseholdDocument.COLLECTION;

    private final MongoTemplate mongo;
    private final AggregateStore store;

    HouseholdRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** Households by grid and address, by person (blind indexes), and by the party member paired with them. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofAggregates(COLLECTION), List.of(
                // byAddress(), atAddress(), ofGrid(), unpairedOfGrid(), buildingsOf(), inhabited(): a grid's households by address.
                StoreIndex.on(COLLECTION).ascending("gridCode", "building", "unit", "room").build(),
                // byPerson(): 以人找房 by the blind index of an ID number or a phone number.
                StoreIndex.on(COLLECTION).ascending("persons.idNumberIndex").build(),
                StoreIndex.on(COLLECTION).ascending("persons.phoneIndex").build(),
                // pairedWith(), countPairedWith(): the households a party member is paired with.
                StoreIndex.on(COLLECTION).ascending("pairedMemberId").build()));
    }

    void add(Household household, List<IntegrationEvent> events) {
        store.insert(HouseholdDocument.of(household), events);
    }

    /** Stores the change only if nobody changed the household since it was read at {@code readVersion}. */
    void update(Household household, long readVersion, List<IntegrationEvent> events) {
        store.update(HouseholdDocument.of(household), readVersion, events);
    }

    Optional<Household> find(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, HouseholdDocument.class))
                .map(HouseholdDocument::toHousehold);
    }

    /** A grid's households (every status), narrowed by building, unit and room if given, in address order. */
    List<Household> byAddress(String gridCode, String building, String unit, String room) {
        Criteria criteria = where("gridCode").is(gridCode);
        if (building != null) {
            criteria = criteria.and("building").is(building);
        }
        if (unit != null) {
            criteria = criteria.and("unit").is(unit);
        }
        if (room != null) {
            criteria = criteria.and("room").is(room);
        }
        return households(new Query(criteria).with(Sort.by("building", "unit", "room")));
    }

    /** The households of a grid, every status: the population ledger counts the active ones. */
    public List<Household> ofGrid(String gridCode) {
        return households(query(where("gridCode").is(gridCode)));
    }

    /** Every household, every status: the staffing report counts the active ones' residents. */
    public List<Household> all() {
        return households(new Query());
    }

    List<Household> byPersonIndex(String field, String index) {
        return households(query(where(field).is(index)));
    }

    List<Household> pairedWith(String memberId) {
        return households(query(where("pairedMemberId").is(memberId)));
    }

    long countPairedWith(String memberId) {
        return mongo.count(query(where("pairedMemberId").is(memberId)), HouseholdDocument.class);
    }

    List<Household> unpairedOfGrid(String gridCode) {
        return households(query(where("gridCode").is(gridCode).and("pairedMemberId").is(null))
                .with(Sort.by("building", "unit", "room")));
    }

    /**
     * The buildings of a grid's households, by name, each once: what the 码上办 sheet prints a code
     * for. Only the building field is read; nothing about the people in them.
     */
    public List<String> buildingsOf(String gridCode) {
        Query buildings = query(where("gridCode").is(gridCode));
        buildings.fields().include("building");
        return mongo.find(buildings, org.bson.Document.class, COLLECTION).stream()
                .map(document -> document.getString("building"))
                .filter(building -> building != null && !building.isBlank())
                .map(String::strip).distinct().sorted().toList();
    }

    /** Whether an active household lives in the building (households stored before statuses existed are active). */
    boolean inhabited(String gridCode, String building) {
        Query inBuilding = query(where("gridCode").is(gridCode).and("building").is(building));
        inBuilding.fields().include("status");
        return mongo.find(inBuilding, org.bson.Document.class, COLLECTION).stream()
                .map(document -> document.getString("status")).anyMatch(HouseholdRepository::active);
    }

    /**
     * Every building with an active household, by building id, each as {@code [gridCode, building, orgPath]};
     * only those fields are read.
     */
    Map<String, String[]> inhabitedBuildings() {
        Map<String, String[]> inhabited = new LinkedHashMap<>();
        Query all = new Query(where("building").exists(true));
        all.fields().include("gridCode").include("building").include("orgPath").include("status");
        mongo.find(all, org.bson.Document.class, COLLECTION).forEach(household -> {
            String building = household.getString("building");
            if (active(household.getString("status")) && building != null && !building.isBlank()) {
                String gridCode = household.getString("gridCode");
                inhabited.putIfAbsent(Building.idOf(gridCode, building),
                        new String[] {gridCode, building, household.getString("orgPath")});
            }
        });
        return inhabited;
    }

    private static boolean active(String status) {
        return status == null || HouseholdStatus.ACTIVE.name().equals(status);
    }

    private List<Household> households(Query query) {
        return mongo.find(query, HouseholdDocument.class).stream().map(HouseholdDocument::toHousehold).toList();
    }
}
