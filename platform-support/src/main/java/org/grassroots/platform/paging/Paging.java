package org.grassroots.platform.paging;

import org.grassroots.platform.domain.InvalidFieldException;

/**
 * Which page of a list a caller asks for: {@code page} from 0, {@code size} from 1 to
 * {@value #MAX_SIZE}. Every list of the platform is paged this way, so none is cut short without
 * saying so: the answer ({@link Page}) tells how many there are in all.
 */
public record Paging(int page, int size) {

    /** The default page size. */
    public static final int DEFAULT_SIZE = 20;
    /** The largest page a caller may ask for. */
    public static final int MAX_SIZE = 500;

    public Paging {
        if (page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** From query parameters, either of which may be absent (then the first page, of {@code defaultSize}). */
    public static Paging of(Integer page, Integer size, int defaultSize) {
        return new Paging(page == null ? 0 : page, size == null ? defaultSize : size);
    }

    /** From query parameters, either of which may be absent (then the first page, of {@value #DEFAULT_SIZE}). */
    public static Paging of(Integer page, Integer size) {
        return of(page, size, DEFAULT_SIZE);
    }

    /** How many items come before this page. */
    public long skip() {
        return (long) page * size;
    }
}
