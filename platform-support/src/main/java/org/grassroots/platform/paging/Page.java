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

    /**
     * The page {@code paging} asks for of a list already held whole (a report computed in memory, a
     * history kept in its document); {@code totalItems} is the list's size.
     */
    public static <T> Page<T> slice(List<T> all, Paging paging) {
        int from = (int) Math.min(paging.skip(), all.size());
        return of(all.subList(from, Math.min(from + paging.size(), all.size())), paging, all.size());
    }

    /** The same page with each item turned into another (a domain object into its response, say). */
    public <R> Page<R> map(Function<? super T, ? extends R> each) {
        return new Page<>(items.stream().<R>map(each).toList(), page, size, totalItems);
    }
}
