package org.grassroots.evaluationservice.stats;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.bson.Document;
import org.grassroots.evaluationservice.casefacts.CaseFact;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Reports per community since the start, within the caller's area: the first statistic the
 * service had, kept for its clients. It counts every reported case (cancelled ones too); the
 * full statistics ({@code GET /api/stats}) count valid cases only.
 */
@Service
public class FiledCases {

    private final MongoTemplate mongo;

    FiledCases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<CommunityCount> perCommunity(Caller caller) {
        if (!caller.isPlatformAdmin() && caller.orgPath() == null) {
            return List.of();
        }
        Criteria area = OrgPathScope.inAreaOf("orgPath", caller);
        return mongo.aggregate(newAggregation(
                        match(new Criteria().andOperator(area, where("reportedAt").ne(null))),
                        group("communityId").count().as("filed"),
                        sort(Sort.by("_id"))),
                mongo.getCollectionName(CaseFact.class), Document.class)
                .getMappedResults().stream()
                .map(row -> new CommunityCount(row.getString("_id"), row.get("filed", Number.class).longValue()))
                .toList();
    }

    public record CommunityCount(String communityId, long filed) {
    }
}
