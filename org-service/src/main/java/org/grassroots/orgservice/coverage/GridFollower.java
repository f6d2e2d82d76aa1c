package org.grassroots.orgservice.coverage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.grids.BuildingOccupied;
import org.grassroots.contracts.grids.BuildingVacated;
import org.grassroots.contracts.grids.GridEvent;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.EventRoutes;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link TerritoryGrids} and {@link TerritoryBuildings} in step with grid-service. Idempotent by
 * construction (every grid event carries the whole grid, every building event the whole building; an
 * upsert lands only over an older version), so no event-id record is kept.
 */
@Component
class GridFollower {

    private final TerritoryGrids grids;
    private final EventPipeline pipeline;
    private final EventRoutes routes;

    GridFollower(TerritoryGrids grids, TerritoryBuildings buildings, EventPipeline pipeline) {
        this.grids = grids;
        this.pipeline = pipeline;
        this.routes = EventRoutes.of("GridFollower")
                .on(GridEvent.class, (event, incoming) -> grids.apply(event.grid(), event.aggregateVersion()))
                .on(BuildingOccupied.class, (event, incoming) -> buildings.apply(event.buildingId(), event.gridCode(),
                        event.building(), event.orgPath(), true, event.aggregateVersion()))
                .on(BuildingVacated.class, (event, incoming) -> buildings.apply(event.buildingId(), event.gridCode(),
                        event.building(), event.orgPath(), false, event.aggregateVersion()))
                .build();
    }

    @KafkaListener(topics = Topics.GRID_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        pipeline.consume(record, routes);
    }
}
