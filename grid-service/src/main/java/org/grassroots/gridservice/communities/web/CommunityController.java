package org.grassroots.gridservice.communities.web;

import org.grassroots.gridservice.communities.CommunityDirectory;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** A page of the communities, by code. */
    @GetMapping("/api/grids/communities")
    @PreAuthorize("isAuthenticated()")
    Page<CommunityResponse> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return directory.page(Paging.of(page, size)).map(c -> new CommunityResponse(c.code(), c.name(), c.streetId(),
                c.path(), c.retired()));
    }

    record CommunityResponse(String code, String name, String streetId, String orgPath, boolean retired) {
    }
}
