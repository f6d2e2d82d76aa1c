package org.grassroots.platform.paging;

import org.grassroots.platform.domain.InvalidFieldException;

/**
 * Which page of a list a caller asks for: {@code page} from 0, {@code size} from 1. Every list of the
 * platform is paged this way, so none is cut short without saying so: the answer ({@link Page}) tells
 * how many there are in all. What a caller may ask is checked by {@link #of}: a size up to
 * {@value #MAX_SIZE}, or a list's own smaller maximum (a page of whole cases is heavier than a page of
 * codes). A feature bound by a published standard to larger pages (Open311's {@code page_size} up to
 * 1,000) checks its own bound and makes its {@code Paging} directly.
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
        if (size < 1) {
            throw new InvalidFieldException("size", "must be 1 or more");
        }
    }

    /**
     * From query parameters, either of which may be absent (then the first page, of {@code defaultSize});
     * a size over {@code maxSize} is refused naming {@code size}.
     */
    public static Paging of(Integer page, Integer size, int defaultSize, int maxSize) {
        int asked = size == null ? defaultSize : size;
        if (asked < 1 || asked > maxSize) {
            throw new InvalidFieldException("size", "must be between 1 and " + maxSize);
        }
        return new Paging(page == null ? 0 : page, asked);
    }

    /** From query parameters, either of which may be absent (then the first page, of {@code defaultSize}). */
    public static Paging of(Integer page, Integer size, int defaultSize) {
        return of(page, size, defaultSize, MAX_SIZE);
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
