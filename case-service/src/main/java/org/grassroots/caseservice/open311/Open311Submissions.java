package org.grassroots.caseservice.open311;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The Open311 side of cases filed through Open311 ({@link Open311SubmissionDocument}), read by case id. */
@Repository
public class Open311Submissions {

    private final MongoTemplate mongo;

    Open311Submissions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void add(Open311SubmissionDocument submission) {
        mongo.insert(submission);
    }

    /** The media addresses of those of {@code caseIds} that have one, by case id. */
    public Map<String, String> mediaUrls(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(new Query(Criteria.where("_id").in(caseIds)), Open311SubmissionDocument.class).stream()
                .filter(submission -> submission.mediaUrl() != null)
                .collect(Collectors.toMap(Open311SubmissionDocument::id, Open311SubmissionDocument::mediaUrl));
    }
}
