package org.grassroots.caseservice.targets;

import java.time.Instant;

import org.bson.Document;

/**
 * One org or grid event as the read model keeps it: what it says about one target at one version. The
 * model of a target is its record of the highest version, so records may arrive twice or (across
 * redeliveries) late without changing the answer.
 *
 * @param kind       what the target is
 * @param key        its key (department code, member id, unit code, assignment id)
 * @param version    the target's aggregate version after the event
 * @param active     whether it may be given work: an active department, a member not retired, a unit not
 *                   retired, a staff assignment still held
 * @param userId     the person's user id (party members, grid staff), null otherwise
 * @param orgPath    where the target belongs in the organisation tree
 * @param occurredAt when the event happened
 */
record TargetRecord(TargetKind kind, String key, long version, boolean active, String userId, String orgPath,
        Instant occurredAt) {

    static final String KIND = "kind";
    static final String KEY = "key";
    static final String VERSION = "version";
    static final String ACTIVE = "active";
    static final String USER_ID = "userId";

    Document toDocument() {
        Document document = new Document(KIND, kind.name()).append(KEY, key).append(VERSION, version)
                .append(ACTIVE, active).append("orgPath", orgPath).append("occurredAt", occurredAt.toString());
        if (userId != null) {
            document.append(USER_ID, userId);
        }
        return document;
    }

    static TargetRecord of(Document document) {
        return new TargetRecord(TargetKind.valueOf(document.getString(KIND)), document.getString(KEY),
                ((Number) document.get(VERSION)).longValue(), document.getBoolean(ACTIVE, false),
                document.getString(USER_ID), document.getString("orgPath"), Instant.parse(document.getString("occurredAt")));
    }

    /** The same record with the person's user id, carried over from an earlier version that named it. */
    TargetRecord withUserId(String user) {
        return new TargetRecord(kind, key, version, active, user, orgPath, occurredAt);
    }
}
