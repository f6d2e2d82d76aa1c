package org.grassroots.gridservice.communities;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The communities grid-service knows, kept from {@code org-events}. */
@Repository
public class CommunityDirectory implements IndexedQueries {

    private final MongoTemplate mongo;

    CommunityDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Communities by path prefix; the version compare-and-set of upsert(). */
    @Override
    public List<StoreIndex> indexes() {
        return List.of(
                // movePathsUnder(), under(): the communities under a moved unit, by path prefix.
                StoreIndex.on("communities").ascending("path").build(),
                // upsert(): replaces a community only at the version read.
                StoreIndex.compareAndSet("communities", "version"));
    }

    public Optional<Community> find(String code) {
        return Optional.ofNullable(code == null ? null : mongo.findById(code, Community.class));
    }

    public List<Community> all() {
        return mongo.find(new org.springframework.data.mongodb.core.query.Query().with(Sort.by("_id")),
                Community.class);
    }

    /**
     * Stores the community unless the copy held is as new or newer.
     *
     * @return true if something changed
     */
    boolean upsert(Community community) {
        Community held = mongo.findById(community.code(), Community.class);
        if (held == null) {
            try {
                mongo.insert(community);
                return true;
            } catch (DuplicateKeyException raced) {
                held = mongo.findById(community.code(), Community.class);
            }
        }
        if (held.version() >= community.version()) {
            return false;
        }
        return mongo.findAndReplace(query(where("_id").is(community.code()).and("version").is(held.version())),
                community) != null;
    }

    /** The communities whose path lies under {@code path}. */
    List<Community> under(String path) {
        return mongo.find(query(OrgPathScope.strictlyUnder("path", path)), Community.class);
    }

    /** Rewrites the path of each community under a moved unit; their own versions stay. */
    List<Community> movePathsUnder(String previousPath, String newPath) {
        List<Community> moved = mongo.find(
                query(OrgPathScope.strictlyUnder("path", previousPath)), Community.class);
        return moved.stream().map(community -> {
            String path = newPath + community.path().substring(previousPath.length());
            mongo.updateFirst(query(where("_id").is(community.code())), Update.update("path", path), Community.class);
            return new Community(community.code(), community.name(), community.streetId(), path, community.retired(),
                    community.version());
        }).toList();
    }
}
