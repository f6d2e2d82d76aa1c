package org.grassroots.orgservice.coverage;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.grassroots.contracts.grids.GridFacts;
import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.store.VersionedDocuments;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** org-service's read model of the grids ({@code territory_grids}), fed by {@link GridFollower}. */
@Repository
public class TerritoryGrids implements IndexedQueries {

    static final String COLLECTION = "territory_grids";

    private final MongoTemplate mongo;
    private final VersionedDocuments grids;

    TerritoryGrids(MongoTemplate mongo) {
        this.mongo = mongo;
        this.grids = new VersionedDocuments(mongo, COLLECTION);
    }

    @Override
    public List<StoreIndex> indexes() {
        // under(path): the grids of a subtree's communities.
        return List.of(StoreIndex.on(COLLECTION).ascending("orgPath").build());
    }

    /** Stores the grid as the event says, only over an older version ({@link VersionedDocuments}). */
    void apply(GridFacts grid, long version) {
        grids.apply(grid.code(), version, new Document("name", grid.name()).append("level", grid.level().name())
                .append("communityId", grid.communityId()).append("streetId", grid.streetId())
                .append("orgPath", grid.orgPath()).append("retired", grid.retired()));
    }

    /** The grids whose community lies at or under {@code path}. */
    public List<TerritoryGrid> under(String path) {
        return mongo.find(query(where("orgPath").regex("^" + Pattern.quote(path) + "(/|$)")), Document.class, COLLECTION)
                .stream().map(d -> new TerritoryGrid(d.getString("_id"), d.getString("name"),
                        GridLevel.valueOf(d.getString("level")), d.getString("communityId"), d.getString("streetId"),
                        d.getString("orgPath"), Boolean.TRUE.equals(d.getBoolean("retired")),
                        ((Number) d.get("version")).longValue()))
                .toList();
    }
}
