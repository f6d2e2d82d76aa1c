package org.grassroots.caseservice.categories;

import java.util.Collection;
import java.util.List;

import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.springframework.stereotype.Service;

/**
 * The catalogue of case categories: what case intake looks up, and what administrators maintain.
 * Who may change it is decided at the API ({@code platform_admin}, {@code district_admin}).
 */
@Service
public class CategoryCatalogue {

    private final CategoryRepository categories;

    CategoryCatalogue(CategoryRepository categories) {
        this.categories = categories;
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
        return revised;
    }

    public Category retire(String code) {
        Category current = get(code);
        Category retired = current.retire();
        categories.update(retired, current.version());
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
                added++;
            }
        }
        return added;
    }
}
