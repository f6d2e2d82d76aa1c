package org.grassroots.volunteerservice.points;

import java.util.List;

import org.grassroots.platform.domain.VersionConflictException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The one points scheme, stored as a single document. The defaults are planted at start-up when
 * none is stored, and never overwrite an administrator's changes.
 */
@Component
public class PointsRulesStore implements ApplicationRunner {

    private static final String ID = "current";

    private final MongoTemplate mongo;

    PointsRulesStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            mongo.insert(RulesDocument.of(PointsRules.defaults()));
        } catch (DuplicateKeyException alreadyThere) {
            // an administrator's scheme, or the defaults from an earlier start: keep it
        }
    }

    /** The scheme in force: the stored one, or the defaults before they are planted. */
    public PointsRules current() {
        RulesDocument stored = mongo.findById(ID, RulesDocument.class);
        return stored == null ? PointsRules.defaults() : stored.toRules();
    }

    /** Replaces the scheme if it is still at {@code expectedVersion}. */
    public PointsRules replace(PointsRules revised, long expectedVersion) {
        if (mongo.findById(ID, RulesDocument.class) == null) {
            run(null);
        }
        PointsRules next = revised.withVersion(expectedVersion + 1);
        long matched = mongo.replace(Query.query(Criteria.where("_id").is(ID).and("version").is(expectedVersion)),
                RulesDocument.of(next)).getMatchedCount();
        if (matched == 0) {
            throw new VersionConflictException("Points rules", ID, expectedVersion);
        }
        return next;
    }

    @Document("points_rules")
    record RulesDocument(@Id String id, List<AwardRule> rules, int floor, boolean yearlyReset,
            List<Integer> starThresholds, int manualLimit, long version) {

        static RulesDocument of(PointsRules rules) {
            return new RulesDocument(ID, rules.rules(), rules.floor(), rules.yearlyReset(), rules.starThresholds(),
                    rules.manualLimit(), rules.version());
        }

        PointsRules toRules() {
            return new PointsRules(rules, floor, yearlyReset, starThresholds, manualLimit, version);
        }
    }
}
