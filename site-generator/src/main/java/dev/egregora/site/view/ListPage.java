package dev.egregora.site.view;

import gg.jte.Content;

import java.util.List;

/**
 * A listing: home pages, tag pages, archive months, author posts; {@code posts} are pre-rendered cards (HTML);
 * {@code top} is the "top posts" block (first home page only, when posts are ranked), else empty.
 */
public record ListPage(Page page, String heading, String intro, List<Content> posts, Pager pager, List<Link> top) {
    public ListPage {
        top = top == null ? List.of() : List.copyOf(top);
    }
}
