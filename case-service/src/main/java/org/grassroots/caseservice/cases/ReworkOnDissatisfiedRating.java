package org.grassroots.caseservice.cases;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.EventRoutes;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 发回重办 after a dissatisfied rating: a {@code CaseRated} with {@link Satisfaction#DISSATISFIED}
 * from evaluation-events reopens the closed case. Exactly once because the rating's id (one per
 * {@code CaseRated}) is recorded in the case's own document by the same single-document write that
 * reopens it ({@code reworkRatings}, guarded by the case's version), and a rating the case has
 * recorded reopens nothing: a redelivery after a crash, even once the case has been closed again,
 * changes nothing. Other evaluation events are not case-service's business.
 */
@Component
class ReworkOnDissatisfiedRating {

    private final EventPipeline pipeline;
    private final EventRoutes routes;

    ReworkOnDissatisfiedRating(EventPipeline pipeline, CaseService cases) {
        this.pipeline = pipeline;
        this.routes = EventRoutes.of("ReworkOnDissatisfiedRating").on(CaseRated.class, (rated, incoming) -> {
            if (rated.satisfaction() == Satisfaction.DISSATISFIED) {
                cases.reworkAfterDissatisfiedRating(rated.caseId(), rated.ratingId());
            }
        }).build();
    }

    @KafkaListener(topics = Topics.EVALUATION_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        pipeline.consume(record, routes);
    }
}
