package org.grassroots.gridservice.grids;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridservice.geo.GeoJson;
import org.grassroots.platform.domain.DomainException;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.security.Caller;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;

/**
 * Bulk import and export of grids as a GeoJSON FeatureCollection, one Feature per grid with the
 * grid's fields in {@code properties} and its boundary as {@code geometry}. Import is idempotent by
 * code: a feature equal to the stored grid is {@code UNCHANGED}, one that differs in name or boundary
 * {@code UPDATED}, a new code {@code CREATED}; a feature breaking a rule is {@code REJECTED} with the
 * reasons and the others go on. Features are applied parents first (by level), whatever their order
 * in the file.
 */
@Service
public class GridImport {

    private final Grids grids;
    private final GridRepository repository;

    GridImport(Grids grids, GridRepository repository) {
        this.grids = grids;
        this.repository = repository;
    }

    public List<FeatureResult> importFeatures(Object collection, Caller caller) {
        List<Feature> features = featuresOf(collection);
        List<FeatureResult> results = new ArrayList<>(features.size());
        features.stream()
                .sorted(Comparator.comparingInt(Feature::rank))
                .forEach(feature -> results.add(apply(feature, caller)));
        results.sort(Comparator.comparingInt(FeatureResult::index));
        return results;
    }

    public Map<String, Object> export(String communityId) {
        List<Object> features = new ArrayList<>();
        for (Grid grid : grids.list(communityId, null, null, false)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", grid.code());
            properties.put("name", grid.name());
            properties.put("level", grid.level().name());
            properties.put("parentCode", grid.parentCode());
            properties.put("communityId", grid.communityId());
            properties.put("streetId", grid.streetId());
            properties.put("orgPath", grid.orgPath());
            properties.put("areaSquareMetres", grid.areaSquareMetres());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", grid.code());
            feature.put("properties", properties);
            feature.put("geometry", GeoJson.write(grid.boundary()));
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private FeatureResult apply(Feature feature, Caller caller) {
        if (feature.problem() != null) {
            return FeatureResult.rejected(feature.index(), feature.code(), List.of(feature.problem()));
        }
        NewGrid spec = feature.spec();
        try {
            Optional<Grid> stored = repository.find(spec.code());
            if (stored.isEmpty()) {
                DrawnGrid drawn = grids.create(spec, caller);
                return new FeatureResult(feature.index(), spec.code(), Outcome.CREATED, List.of(), drawn.overlaps());
            }
            Grid grid = stored.get();
            if (grid.isRetired()) {
                return FeatureResult.rejected(feature.index(), spec.code(),
                        List.of(new FieldError("properties.code", "grid " + spec.code() + " is retired")));
            }
            List<FieldError> fixed = unchangeable(grid, spec);
            if (!fixed.isEmpty()) {
                return FeatureResult.rejected(feature.index(), spec.code(), fixed);
            }
            Geometry boundary = GeoJson.readBoundary(spec.boundary(), "geometry", spec.code());
            boolean sameName = grid.name().equals(spec.name());
            boolean sameBoundary = boundary.equalsExact(grid.boundary());
            if (sameName && sameBoundary) {
                return new FeatureResult(feature.index(), spec.code(), Outcome.UNCHANGED, List.of(), List.of());
            }
            DrawnGrid drawn = grids.update(spec.code(), sameName ? null : spec.name(),
                    sameBoundary ? null : spec.boundary(), grid.version(), caller);
            return new FeatureResult(feature.index(), spec.code(), Outcome.UPDATED, List.of(), drawn.overlaps());
        } catch (InvalidFieldException invalid) {
            return FeatureResult.rejected(feature.index(), spec.code(), invalid.errors());
        } catch (DomainException problem) {
            return FeatureResult.rejected(feature.index(), spec.code(),
                    List.of(new FieldError("feature", problem.getMessage())));
        }
    }

    private static List<FieldError> unchangeable(Grid grid, NewGrid spec) {
        List<FieldError> errors = new ArrayList<>();
        if (spec.level() != grid.level()) {
            errors.add(new FieldError("properties.level", "is " + grid.level() + " and cannot change"));
        }
        if (!java.util.Objects.equals(spec.parentCode(), grid.parentCode())) {
            errors.add(new FieldError("properties.parentCode", "is " + grid.parentCode() + " and cannot change"));
        }
        if (spec.communityId() != null && !spec.communityId().equals(grid.communityId())) {
            errors.add(new FieldError("properties.communityId", "is " + grid.communityId() + " and cannot change"));
        }
        return errors;
    }

    private static List<Feature> featuresOf(Object collection) {
        if (!(collection instanceof Map<?, ?> root) || !"FeatureCollection".equals(root.get("type"))) {
            throw new InvalidFieldException("type", "the body must be a GeoJSON FeatureCollection");
        }
        if (!(root.get("features") instanceof List<?> list)) {
            throw new InvalidFieldException("features", "must be an array of Features");
        }
        List<Feature> features = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            features.add(Feature.read(i, list.get(i)));
        }
        return features;
    }

    /** One Feature of the file, read into a grid's fields or into what is wrong with it. */
    private record Feature(int index, String code, NewGrid spec, FieldError problem) {

        static Feature read(int index, Object value) {
            if (!(value instanceof Map<?, ?> feature) || !"Feature".equals(feature.get("type"))) {
                return new Feature(index, null, null, new FieldError("features[" + index + "]", "is not a Feature"));
            }
            if (!(feature.get("properties") instanceof Map<?, ?> properties)) {
                return new Feature(index, null, null, new FieldError("properties", "are required"));
            }
            String code = text(properties.get("code"));
            String name = text(properties.get("name"));
            String level = text(properties.get("level"));
            if (code == null || name == null) {
                return new Feature(index, code, null,
                        new FieldError(code == null ? "properties.code" : "properties.name", "is required"));
            }
            GridLevel gridLevel;
            try {
                gridLevel = GridLevel.valueOf(level == null ? "" : level);
            } catch (IllegalArgumentException e) {
                return new Feature(index, code, null,
                        new FieldError("properties.level", "must be LEVEL_1, LEVEL_2, LEVEL_3 or MICRO"));
            }
            NewGrid spec = new NewGrid(code, name, gridLevel, text(properties.get("parentCode")),
                    text(properties.get("communityId")), feature.get("geometry"));
            return new Feature(index, code, spec, null);
        }

        int rank() {
            return spec == null ? -1 : spec.level().ordinal();
        }

        private static String text(Object value) {
            return value instanceof String text && !text.isBlank() ? text.strip() : null;
        }
    }

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    /** What happened to one feature, by its position in the file. */
    public record FeatureResult(int index, String code, Outcome outcome, List<FieldError> reasons,
            List<Overlap> overlaps) {

        static FeatureResult rejected(int index, String code, List<FieldError> reasons) {
            return new FeatureResult(index, code, Outcome.REJECTED, reasons, List.of());
        }
    }
}
