package org.grassroots.gridservice.grids;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.stereotype.Component;

/**
 * Declares the 2dsphere index on grid boundaries, so that a real MongoDB can answer "which grids
 * contain this point" with {@code $geoIntersects} as well (reports, ad-hoc queries, a second
 * opinion on the in-memory locator). The embedded store of the local platform and the tests has no
 * geo queries and may refuse the index: that is logged and start-up goes on, because locating points
 * never depends on it.
 */
@Component
class GridIndexes {

    private static final Logger log = LoggerFactory.getLogger(GridIndexes.class);

    private final MongoTemplate mongo;

    GridIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** {@code {boundary: "2dsphere"}} on the grids collection. */
    static IndexDefinition boundaryIndex() {
        return new CompoundIndexDefinition(new Document("boundary", "2dsphere")).named("boundary_2dsphere");
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        try {
            mongo.indexOps(GridDocument.COLLECTION).createIndex(boundaryIndex());
        } catch (RuntimeException refused) {
            log.info("The store refused the 2dsphere index on grid boundaries ({}); locating works without it",
                    refused.getClass().getSimpleName());
        }
    }
}
