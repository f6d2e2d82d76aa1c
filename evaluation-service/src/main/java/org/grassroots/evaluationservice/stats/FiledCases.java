package org.grassroots.evaluationservice.stats;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;

import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.grassroots.platform.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/** Cases filed per community, counted from the recorded facts, within the caller's area. */
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
        Criteria area = caller.isPlatformAdmin()
                ? new Criteria()
                : Criteria.where("orgPath").regex("^" + Pattern.quote(caller.orgPath()) + "(/|$)");
        return mongo.aggregate(newAggregation(
                        match(area),
                        group("communityId").count().as("filed"),
                        sort(Sort.by("_id"))),
                FiledCasesProjection.COLLECTION, Document.class)
                .getMappedResults().stream()
                .map(row -> new CommunityCount(row.getString("_id"), row.get("filed", Number.class).longValue()))
                .toList();
    }

    public record CommunityCount(String communityId, long filed) {
    }
}
