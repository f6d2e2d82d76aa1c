package org.grassroots.gridservice.communities;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
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

    /** Communities by path prefix. */
    @Override
    public List<StoreIndex> indexes() {
        return List.of(
                // movePathsUnder(), under(): the communities under a moved unit, by path prefix.
                StoreIndex.on("communities").ascending("path").build());
    }

    public Optional<Community> find(String code) {
        return Optional.ofNullable(code == null ? null : mongo.findById(code, CommunityDocument.class))
                .map(CommunityDocument::toCommunity);
    }

    /** A page of the communities, by code. */
    public Page<Community> page(Paging paging) {
        return PagedQueries.page(mongo, new org.springframework.data.mongodb.core.query.Query().with(Sort.by("_id")),
                CommunityDocument.class, CommunityDocument::toCommunity, paging);
    }

    /** Every community, by code: the staffing report covers them all. */
    public List<Community> all() {
        return communities(new org.springframework.data.mongodb.core.query.Query().with(Sort.by("_id")));
    }

    /**
     * Stores the community unless the copy held is as new or newer.
     *
     * @return true if something changed
     */
    public boolean upsert(Community community) {
        Community held = find(community.code()).orElse(null);
        if (held == null) {
            try {
                mongo.insert(CommunityDocument.of(community));
                return true;
            } catch (DuplicateKeyException raced) {
                held = find(community.code()).orElseThrow();
            }
        }
        if (!community.newerThan(held)) {
            return false;
        }
        return mongo.findAndReplace(query(where("_id").is(community.code()).and("version").is(held.version())),
                CommunityDocument.of(community)) != null;
    }

    /** The communities whose path lies under {@code path}. */
    List<Community> under(String path) {
        return communities(query(OrgPathScope.strictlyUnder("path", path)));
    }

    /** Rewrites the path of each community under a moved unit; their own versions stay. */
    List<Community> movePathsUnder(String previousPath, String newPath) {
        List<Community> moved = communities(query(OrgPathScope.strictlyUnder("path", previousPath)));
        return moved.stream().map(community -> {
            Community there = community.movedTo(newPath + community.path().substring(previousPath.length()));
            mongo.updateFirst(query(where("_id").is(community.code())), Update.update("path", there.path()),
                    CommunityDocument.class);
            return there;
        }).toList();
    }

    private List<Community> communities(org.springframework.data.mongodb.core.query.Query query) {
        return mongo.find(query, CommunityDocument.class).stream().map(CommunityDocument::toCommunity).toList();
    }
}
