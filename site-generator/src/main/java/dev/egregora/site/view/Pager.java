package dev.egregora.site.view;

import java.util.List;

/** Pagination links (O(1) per page: neighbours, first and last only). */
public record Pager(String prev, String next, List<PageNum> numbers) {
}
