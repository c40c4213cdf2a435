package io.caravan.server.dashboard;

import io.caravan.server.web.PageRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The links to the previous and next page of a list: the current address with another {@code page}. When
 * the list's count is a lower bound, the number of pages is too ("of 201+").
 */
public record Pager(int number, String pages, String previous, String next) {

    public static Pager of(PageRequest.Page<?> page) {
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        boolean more = page.page() + 1 < pages || !page.totalExact() && page.items().size() == page.size();
        return new Pager(page.page() + 1, pages + (page.totalExact() ? "" : "+"), page.page() > 0 ? link(page.page() - 1) : null,
                more ? link(page.page() + 1) : null);
    }

    private static String link(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
    }
}
