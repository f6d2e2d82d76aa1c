package org.grassroots.volunteerservice.points;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;

import java.time.Instant;
import java.util.List;

import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.volunteerservice.OrgPaths;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Which org unit a member belongs to for rankings, when that is not where they earn points: a
 * courier reports problems in many communities but ranks with the express-delivery industry
 * committee (快递行业党委, {@code /qjp/qjp-kuaidi}). Staff of the unit record it; one per member.
 */
@Component
class Affiliations implements IndexedQueries {

    private final MongoTemplate mongo;

    Affiliations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Affiliations by org path prefix. */
    @Override
    public List<StoreIndex> indexes() {
        // membersUnder(): the members affiliated under an org path.
        return List.of(StoreIndex.on("points_affiliations").ascending("orgPath").build());
    }

    Affiliation set(String userId, String orgPath, String setBy, Instant now) {
        Affiliation affiliation = new Affiliation(userId, orgPath, setBy, now);
        mongo.save(affiliation);
        return affiliation;
    }

    /** The members affiliated at or under {@code orgPath}. */
    List<String> membersUnder(String orgPath) {
        return mongo.find(Query.query(OrgPathScope.atOrUnder("orgPath", orgPath)),
                Affiliation.class).stream().map(Affiliation::userId).toList();
    }

    Criteria entriesOfMembersUnder(String orgPath) {
        return Criteria.where("userId").in(membersUnder(orgPath));
    }

    @Document("points_affiliations")
    record Affiliation(@Id String userId, String orgPath, String setBy, Instant setAt) {
    }
}
