package org.grassroots.orgservice.web;

import org.grassroots.platform.domain.InvalidFieldException;

/** Page and size from query parameters, checked once for every paged list. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public long skip() {
        return (long) page * size;
    }
}
