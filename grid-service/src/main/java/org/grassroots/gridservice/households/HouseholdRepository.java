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
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
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
    /** Address order, ending on the id so that paging neither repeats nor skips a household. */
    private static final Sort ADDRESS_ORDER = Sort.by("building", "unit", "room", "_id");

    private final MongoTemplate mongo;
    private final AggregateStore store;

    HouseholdRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** Households by grid and address, by person (blind indexes), and by the party member paired with them. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(COLLECTION), List.of(
                // byAddress(), activeByAddress(), ofGrid(), activeUnpairedOfGrid(), buildingsOf(), inhabited(): a
                // grid's households by address (the id that ends the order settles ties among few).
                StoreIndex.on(COLLECTION).ascending("gridCode", "building", "unit", "room").build(),
                // activeByPersonIndex(): 以人找房 by the blind index of an ID number or a phone number.
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
        return households(new Query(address(gridCode, building, unit, room)).with(ADDRESS_ORDER));
    }

    /** A page of a grid's active households, narrowed by building, unit and room if given, in address order. */
    Page<Household> activeByAddress(String gridCode, String building, String unit, String room, Paging paging) {
        return page(new Query(address(gridCode, building, unit, room).andOperator(active())).with(ADDRESS_ORDER),
                paging);
    }

    private static Criteria address(String gridCode, String building, String unit, String room) {
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
        return criteria;
    }

    /** Households that live at their address (those stored before statuses existed have none and are active). */
    private static Criteria active() {
        return where("status").in(HouseholdStatus.ACTIVE.name(), null);
    }

    /** The households of a grid, every status: the population ledger counts the active ones. */
    public List<Household> ofGrid(String gridCode) {
        return households(query(where("gridCode").is(gridCode)));
    }

    /** Every household, every status: the staffing report counts the active ones' residents. */
    public List<Household> all() {
        return households(new Query());
    }

    /** A page of the active households in the caller's area with a person of this blind index, in address order. */
    Page<Household> activeByPersonIndex(String field, String index, Caller caller, Paging paging) {
        return page(new Query(where(field).is(index).andOperator(active(), OrgPathScope.inAreaOf("orgPath", caller)))
                .with(ADDRESS_ORDER), paging);
    }

    /** Every household (every status) a party member is paired with: the member's load counts them. */
    List<Household> pairedWith(String memberId) {
        return households(query(where("pairedMemberId").is(memberId)));
    }

    /**
     * A page of the households (every status) a party member is paired with, in address order; only those
     * in {@code area}'s area unless it is null.
     */
    Page<Household> pairedWith(String memberId, Caller area, Paging paging) {
        Criteria criteria = where("pairedMemberId").is(memberId);
        if (area != null) {
            criteria = criteria.andOperator(OrgPathScope.inAreaOf("orgPath", area));
        }
        return page(new Query(criteria).with(ADDRESS_ORDER), paging);
    }

    long countPairedWith(String memberId) {
        return mongo.count(query(where("pairedMemberId").is(memberId)), HouseholdDocument.class);
    }

    /** A page of a grid's active households with no paired party member, in address order. */
    Page<Household> activeUnpairedOfGrid(String gridCode, Paging paging) {
        return page(query(where("gridCode").is(gridCode).and("pairedMemberId").is(null).andOperator(active()))
                .with(ADDRESS_ORDER), paging);
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

    private Page<Household> page(Query query, Paging paging) {
        return PagedQueries.page(mongo, query, HouseholdDocument.class, HouseholdDocument::toHousehold, paging);
    }

    private List<Household> households(Query query) {
        return mongo.find(query, HouseholdDocument.class).stream().map(HouseholdDocument::toHousehold).toList();
    }
}
