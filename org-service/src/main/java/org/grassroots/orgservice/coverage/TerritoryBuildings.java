package org.grassroots.orgservice.coverage;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.store.VersionedDocuments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * org-service's read model of the buildings grid-service's households live in ({@code territory_buildings}),
 * fed by {@link GridFollower} from {@code building-occupied} and {@code building-vacated}: a building's
 * name, its grid and the grid's org path, whether it is occupied — nothing about units, rooms or people.
 */
@Repository
public class TerritoryBuildings implements IndexedQueries {

    static final String COLLECTION = "territory_buildings";

    private final MongoTemplate mongo;
    private final VersionedDocuments buildings;

    TerritoryBuildings(MongoTemplate mongo) {
        this.mongo = mongo;
        this.buildings = new VersionedDocuments(mongo, COLLECTION);
    }

    @Override
    public List<StoreIndex> indexes() {
        // under(path): the buildings of a subtree's grids.
        return List.of(StoreIndex.on(COLLECTION).ascending("orgPath").build());
    }

    /** Stores the building as the event says, only over an older version ({@link VersionedDocuments}). */
    void apply(String id, String gridCode, String building, String orgPath, boolean occupied, long version) {
        buildings.apply(id, version, new Document("gridCode", gridCode).append("building", building)
                .append("orgPath", orgPath).append("occupied", occupied));
    }

    /** The buildings whose grid's community lies at or under {@code path}, occupied or not. */
    public List<TerritoryBuilding> under(String path) {
        return mongo.find(query(where("orgPath").regex("^" + Pattern.quote(path) + "(/|$)")), Document.class, COLLECTION)
                .stream().map(d -> new TerritoryBuilding(d.getString("_id"), d.getString("gridCode"),
                        d.getString("building"), d.getString("orgPath"), Boolean.TRUE.equals(d.getBoolean("occupied")),
                        ((Number) d.get("version")).longValue()))
                .toList();
    }
}
