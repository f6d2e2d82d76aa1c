package org.grassroots.evaluationservice.partners;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.grassroots.contracts.orgs.PartnerFacts;
import org.grassroots.contracts.orgs.PartnerKind;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.store.VersionedDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * evaluation-service's read model of org-service's partners ({@code partners}, keyed by the partner
 * code), fed by {@link PartnerFollower}. Every partner event carries the whole partner, so the model
 * is an upsert of the event's values over an older version only.
 */
@Repository
public class PartnerDirectory implements IndexedQueries {

    static final String COLLECTION = "partners";

    private final MongoTemplate mongo;
    private final VersionedDocuments partners;

    PartnerDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
        this.partners = new VersionedDocuments(mongo, COLLECTION);
    }

    @Override
    public List<StoreIndex> indexes() {
        // ofKind(), pageOfKind(), pageOfKindInAreaOf(): the property companies, or the social organisations of
        // the caller's area (a path prefix), by code (the few of a kind sorted).
        return List.of(StoreIndex.on(COLLECTION).ascending("kind", "orgPath").build());
    }

    /** Stores the partner as the event says, only over an older version ({@link VersionedDocuments}). */
    void apply(PartnerFacts partner, long version) {
        partners.apply(partner.code(), version, new Document("kind", partner.kind().name())
                .append("name", partner.name()).append("communityCodes", partner.communityCodes())
                .append("orgPath", partner.orgPath()).append("active", partner.active()));
    }

    public Optional<Partner> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Document.class, COLLECTION)).map(PartnerDirectory::partner);
    }

    /**
     * The partner of that kind with that code; otherwise a 404 naming the field that held the code, so
     * a caller can tell an unknown partner from an unknown path.
     *
     * @param field the request field (or path variable) that named the partner
     */
    public Partner require(String code, PartnerKind kind, String field) {
        return find(code).filter(partner -> partner.kind() == kind)
                .orElseThrow(() -> new NotFoundException(field + ": no " + describe(kind) + " with partner code "
                        + code + " is known from org-service's partners (org-events)"));
    }

    /** Every partner of the kind, by code. */
    public List<Partner> ofKind(PartnerKind kind) {
        return find(where("kind").is(kind.name()));
    }

    /** A page of the partners of the kind, by code (the id: a total order, so pages neither repeat nor skip one). */
    public Page<Partner> pageOfKind(PartnerKind kind, Paging paging) {
        return page(where("kind").is(kind.name()), paging);
    }

    /** A page of the partners of the kind whose path lies in the caller's area, by code. */
    public Page<Partner> pageOfKindInAreaOf(PartnerKind kind, Caller caller, Paging paging) {
        return page(new Criteria().andOperator(where("kind").is(kind.name()), OrgPathScope.inAreaOf("orgPath", caller)),
                paging);
    }

    /** Every partner held, by code: what a replay of {@code org-events} must rebuild. */
    public List<Partner> all() {
        return find(new Criteria());
    }

    private Page<Partner> page(Criteria criteria, Paging paging) {
        long total = mongo.count(new Query(criteria), COLLECTION);
        Query page = new Query(criteria).with(Sort.by("_id")).skip(paging.skip()).limit(paging.size());
        return Page.of(mongo.find(page, Document.class, COLLECTION).stream().map(PartnerDirectory::partner).toList(),
                paging, total);
    }

    private List<Partner> find(Criteria criteria) {
        return mongo.find(new Query(criteria).with(Sort.by("_id")), Document.class, COLLECTION).stream()
                .map(PartnerDirectory::partner).toList();
    }

    @SuppressWarnings("unchecked")
    private static Partner partner(Document document) {
        return new Partner(document.getString("_id"), PartnerKind.valueOf(document.getString("kind")),
                document.getString("name"), (List<String>) document.get("communityCodes"),
                document.getString("orgPath"), Boolean.TRUE.equals(document.getBoolean("active")),
                ((Number) document.get("version")).longValue());
    }

    private static String describe(PartnerKind kind) {
        return switch (kind) {
            case PROPERTY_COMPANY -> "property company";
            case SOCIAL_ORGANIZATION -> "social organisation";
            case CO_BUILDING_UNIT -> "co-building unit";
            case LEADER_CONTACT_POINT -> "leader contact point";
        };
    }
}
