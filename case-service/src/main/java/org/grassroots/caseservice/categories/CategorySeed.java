package org.grassroots.caseservice.categories;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.platform.domain.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plants the starting catalogue ({@code categories/seed.json}) when the service starts: each
 * category whose code is missing is added, and nothing else is touched, so a restart or a second
 * instance changes nothing and an administrator's edits are never overwritten. The seed uses the
 * shape of the API's create request. Off with {@code grassroots.categories.seed=false}, read when the
 * service starts (not a condition on the bean, which a build that works out the beans ahead of time
 * would fix for good).
 */
@Component
class CategorySeed implements ApplicationRunner {

    static final String LOCATION = "categories/seed.json";
    private static final Logger log = LoggerFactory.getLogger(CategorySeed.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CategoryCatalogue catalogue;
    private final boolean enabled;

    CategorySeed(CategoryCatalogue catalogue, @Value("${grassroots.categories.seed:true}") boolean enabled) {
        this.catalogue = catalogue;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            plant();
        }
    }

    /** Adds the seed's missing categories; returns how many were added. */
    int plant() {
        List<Category> seed = read();
        int added = catalogue.addMissing(seed);
        log.info("Category seed: {} of {} categories added, the others already exist", added, seed.size());
        return added;
    }

    static List<Category> read() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            List<Entry> entries = JSON.readValue(in, new TypeReference<List<Entry>>() { });
            return entries.stream().map(Entry::toCategory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the category seed " + LOCATION, e);
        }
    }

    record Entry(String code, String name, String nameEn, CategoryKind kind, HandlingLevel startingLevel,
            String departmentId, Limits limits, Limits emergencyLimits, List<CategoryAttribute> attributes) {

        Category toCategory() {
            try {
                return Category.define(code, new CategoryDefinition(name, nameEn, kind, startingLevel, departmentId,
                        limits == null ? null : limits.toLimits("limits"),
                        emergencyLimits == null ? null : emergencyLimits.toLimits("emergencyLimits"), attributes));
            } catch (InvalidFieldException e) {
                throw new IllegalStateException("Seed category " + code + " is invalid: " + e.errors(), e);
            }
        }
    }

    record Limits(String respond, String resolve, String verify) {

        CategoryLimits toLimits(String field) {
            return CategoryLimits.parse(respond, resolve, verify, field);
        }
    }
}
