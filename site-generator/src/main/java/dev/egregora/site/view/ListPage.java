package dev.egregora.site.view;

import java.util.List;

/** A listing: home pages, tag pages, archive months, author posts. */
public record ListPage(Page page, String heading, String intro, List<PostCard> posts, Pager pager, String feed) {
}
