package org.grassroots.gridservice.communities;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A community (社区党委) as org-service last told us: the read model grids are placed in. The street
 * is the community's parent unit; the org path is what grids, households and events are scoped by.
 *
 * @param code     the community's code, e.g. {@code qjp-pulou-chengnan}
 * @param streetId the parent unit's code, e.g. {@code qjp-pulou}
 * @param path     the materialised org path
 * @param version  the org unit's version this copy reflects; older events are skipped
 */
@Document("communities")
public record Community(@Id String code, String name, String streetId, String path, boolean retired,
        long version) {
}
