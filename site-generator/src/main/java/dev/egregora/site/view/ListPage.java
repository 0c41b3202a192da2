package dev.egregora.site.view;

import java.util.List;

/** A listing: home pages, tag pages, archive months, author posts; {@code posts} are pre-rendered cards (HTML). */
public record ListPage(Page page, String heading, String intro, List<String> posts, Pager pager, String feed) {
}
