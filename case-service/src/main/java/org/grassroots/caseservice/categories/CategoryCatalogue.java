package org.grassroots.caseservice.categories;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.springframework.stereotype.Service;

/**
 * The catalogue of case categories: what case intake looks up, and what administrators maintain.
 * Who may change it is decided at the API ({@code platform_admin}, {@code district_admin}).
 */
@Service
public class CategoryCatalogue {

    /** How long case intake goes on using a category it read before reading it again. */
    static final Duration INTAKE_COPY_LIFETIME = Duration.ofSeconds(5);

    private final CategoryRepository categories;
    private final Map<String, IntakeCopy> intakeCopies = new ConcurrentHashMap<>();

    CategoryCatalogue(CategoryRepository categories) {
        this.categories = categories;
    }

    /**
     * The category as case intake uses it. Every report asks for its category, and the catalogue
     * changes a few times a year: so a category is read from the store at most once every five
     * seconds, not once per report. A change made through this instance drops its copy at once;
     * another case-service instance sees it within five seconds (a report it takes meanwhile is filed
     * under the category as it was a moment before). Unknown codes are not kept.
     */
    public Category forIntake(String code) {
        long now = System.nanoTime();
        IntakeCopy copy = intakeCopies.get(code);
        if (copy == null || now - copy.readAt() > INTAKE_COPY_LIFETIME.toNanos()) {
            copy = new IntakeCopy(get(code), now);
            intakeCopies.put(code, copy);
        }
        return copy.category();
    }

    private record IntakeCopy(Category category, long readAt) {
    }

    /** The categories by code; retired ones only if asked for. */
    public List<Category> list(boolean includeRetired) {
        return categories.all(includeRetired);
    }

    public Category get(String code) {
        return categories.find(code).orElseThrow(() -> new NotFoundException("Category", code));
    }

    public Category define(String code, CategoryDefinition definition) {
        Category category = Category.define(code, definition);
        categories.add(category);
        intakeCopies.remove(code);
        return category;
    }

    /** Redefines the category if it is still at {@code expectedVersion}, the version the administrator edited. */
    public Category revise(String code, CategoryDefinition definition, long expectedVersion) {
        Category current = get(code);
        if (current.version() != expectedVersion) {
            throw new VersionConflictException("Category", code, expectedVersion);
        }
        Category revised = current.revise(definition);
        categories.update(revised, expectedVersion);
        intakeCopies.remove(code);
        return revised;
    }

    public Category retire(String code) {
        Category current = get(code);
        Category retired = current.retire();
        categories.update(retired, current.version());
        intakeCopies.remove(code);
        return retired;
    }

    /**
     * Adds each category whose code is not in the catalogue yet and leaves the others exactly as they
     * are, whoever changed them since; returns how many were added.
     */
    public int addMissing(Collection<Category> candidates) {
        int added = 0;
        for (Category candidate : candidates) {
            if (categories.addIfAbsent(candidate)) {
                intakeCopies.remove(candidate.code());
                added++;
            }
        }
        return added;
    }
}
