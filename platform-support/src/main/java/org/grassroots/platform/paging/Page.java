package org.grassroots.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list of the platform answers: the items, which page of what size it
 * is, and how many items the whole list holds.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, Paging paging, long totalItems) {
        return new Page<>(items, paging.page(), paging.size(), totalItems);
    }

    /** The same page with each item turned into another (a domain object into its response, say). */
    public <R> Page<R> map(Function<? super T, ? extends R> each) {
        return new Page<>(items.stream().<R>map(each).toList(), page, size, totalItems);
    }
}
