package org.grassroots.platform.testapp;

import java.util.List;

import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.stereotype.Component;

/** The parcels are aggregates with an outbox, and are listed by label. */
@Component
class ParcelIndexes implements IndexedQueries {

    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox("parcels"),
                List.of(StoreIndex.on("parcels").ascending("label").build()));
    }
}
