package org.grassroots.caseservice.categories;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores categories, one document per code. Each write is a single-document operation, so
 * no transaction is needed; an update applies only if the stored version is the one the caller read.
 * Category changes publish no events yet, so the platform's outbox ({@code AggregateStore}) is not used.
 */
@Repository
class CategoryRepository {

    private final MongoTemplate mongo;

    CategoryRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<Category> all(boolean includeRetired) {
        Query query = includeRetired ? new Query() : query(where("active").is(true));
        return mongo.find(query.with(Sort.by("_id")), CategoryDocument.class).stream()
                .map(CategoryDocument::toCategory).toList();
    }

    Optional<Category> find(String code) {
        return Optional.ofNullable(mongo.findById(code, CategoryDocument.class)).map(CategoryDocument::toCategory);
    }

    void add(Category category) {
        if (!addIfAbsent(category)) {
            throw new AlreadyExistsException("Category", category.code());
        }
    }

    /** Stores the category unless one with its code exists; safe when several instances try at once. */
    boolean addIfAbsent(Category category) {
        try {
            mongo.insert(CategoryDocument.of(category));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Replaces the stored category if it is still at {@code expectedVersion}. */
    void update(Category changed, long expectedVersion) {
        Query current = query(where("_id").is(changed.code()).and("version").is(expectedVersion));
        if (mongo.findAndReplace(current, CategoryDocument.of(changed)) == null) {
            if (mongo.exists(query(where("_id").is(changed.code())), CategoryDocument.class)) {
                throw new VersionConflictException("Category", changed.code(), expectedVersion);
            }
            throw new NotFoundException("Category", changed.code());
        }
    }
}
