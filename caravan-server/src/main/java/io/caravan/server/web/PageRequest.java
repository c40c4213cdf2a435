package io.caravan.server.web;

import java.util.List;
import java.util.Map;

/**
 * Paging and sorting of a list endpoint: {@code page} from 0, {@code size} up to 500, and {@code sort} as
 * {@code field} or {@code field,desc} where the field is one the endpoint allows.
 */
public record PageRequest(int page, int size, String orderBy) {

    public static final int MAX_SIZE = 500;

    /** Validates the query parameters against the sortable fields (name in the API → SQL expression). */
    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> sortable, String defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw new BadRequest("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new BadRequest("size", "must be between 1 and " + MAX_SIZE);
        }
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        String[] parts = spec.split(",");
        String field = parts[0].trim();
        String expr = sortable.get(field);
        if (expr == null) {
            throw new BadRequest("sort", "'" + field + "' cannot be sorted on; sortable: "
                    + String.join(", ", new java.util.TreeSet<>(sortable.keySet())));
        }
        String dir = parts.length > 1 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "asc";
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new BadRequest("sort", "direction '" + dir + "' must be asc or desc");
        }
        // no "nulls last": a sort key's index is walked in its own order (lists whose keys can be null add it themselves)
        return new PageRequest(p, s, expr + " " + dir);
    }

    public int offset() {
        return page * size;
    }

    /**
     * A page of results with the total count. When counting every match would cost more than the page itself
     * (a filter over a million records) the count stops at a cap: then {@code total} is a lower bound and
     * {@code totalExact} is false.
     */
    public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {
    }

    public <T> Page<T> page(List<T> items, long total) {
        return new Page<>(items, page, size, total, true);
    }

    /** A page whose count stopped at {@code total}: there are at least that many. */
    public <T> Page<T> pageAtLeast(List<T> items, long total) {
        return new Page<>(items, page, size, total, false);
    }
}
