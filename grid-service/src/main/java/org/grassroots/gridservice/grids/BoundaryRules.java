package org.grassroots.gridservice.grids;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.gridservice.geo.Areas;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The rules a boundary obeys relative to other grids: it lies inside its parent (within the
 * tolerance), and it does not overlap a sibling by more than the tolerated area. Overlaps within the
 * tolerance are returned so the caller can report them.
 */
final class BoundaryRules {

    private final BoundaryTolerance tolerance;

    BoundaryRules(BoundaryTolerance tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * @param parent   the parent grid's boundary, or null for a level-1 grid
     * @param siblings the other active grids with the same parent and level whose boxes meet this one's
     * @return the overlaps small enough to be only reported
     * @throws InvalidFieldException naming the parent or each sibling and the area concerned
     */
    List<Overlap> check(String field, Geometry boundary, Grid parent, List<Grid> siblings) {
        List<FieldError> errors = new ArrayList<>();
        if (parent != null) {
            Geometry allowed = parent.boundary().buffer(Areas.degrees(tolerance.toleranceMetres()));
            if (!PreparedGeometryFactory.prepare(allowed).covers(boundary)) {
                double outside = Areas.rounded(Areas.squareMetres(boundary.difference(parent.boundary())));
                errors.add(new FieldError(field, "reaches outside its parent grid " + parent.code() + " by "
                        + outside + " m² (more than the tolerance of " + tolerance.toleranceMetres() + " m)"));
            }
        }
        List<Overlap> reported = new ArrayList<>();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(boundary);
        for (Grid sibling : siblings) {
            if (!prepared.intersects(sibling.boundary())) {
                continue;
            }
            double area = Areas.rounded(Areas.squareMetres(boundary.intersection(sibling.boundary())));
            if (area > tolerance.maxOverlapSquareMetres()) {
                errors.add(new FieldError(field, "overlaps sibling grid " + sibling.code() + " by " + area
                        + " m² (more than the tolerated " + tolerance.maxOverlapSquareMetres() + " m²)"));
            } else if (area > 0) {
                reported.add(new Overlap(sibling.code(), area));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return reported;
    }
}
