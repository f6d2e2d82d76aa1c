package org.grassroots.gridservice.communities.web;

import java.util.List;

import org.grassroots.gridservice.communities.Community;
import org.grassroots.gridservice.communities.CommunityDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The communities grid-service has learnt from org-service, in which grids may be drawn. Loaders wait
 * here for org-events to have arrived before they import grids.
 */
@RestController
class CommunityController {

    private final CommunityDirectory directory;

    CommunityController(CommunityDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/grids/communities")
    @PreAuthorize("isAuthenticated()")
    List<CommunityResponse> list() {
        return directory.all().stream().map(c -> new CommunityResponse(c.code(), c.name(), c.streetId(), c.path(),
                c.retired())).toList();
    }

    record CommunityResponse(String code, String name, String streetId, String orgPath, boolean retired) {
    }
}
