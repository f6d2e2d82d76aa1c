package org.grassroots.caseservice.open311;

import java.time.Instant;
import java.util.List;

/**
 * A GET requests (or servicerequestupdates) search: the ids asked for (which override everything
 * else, as the specification says), the service codes, whether open and/or closed requests, the
 * time window as given (null: the default) and the page (from 1).
 */
public record RequestQuery(List<String> ids, List<String> serviceCodes, Boolean open, Instant start, Instant end,
        int page, int pageSize) {
}
