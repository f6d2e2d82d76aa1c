package org.grassroots.gridservice.communities;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a community of the read model is stored. */
@Document(CommunityDocument.COLLECTION)
record CommunityDocument(@Id String code, String name, String streetId, String path, boolean retired, long version) {

    static final String COLLECTION = "communities";

    static CommunityDocument of(Community community) {
        return new CommunityDocument(community.code(), community.name(), community.streetId(), community.path(),
                community.retired(), community.version());
    }

    Community toCommunity() {
        return new Community(code, name, streetId, path, retired, version);
    }
}
