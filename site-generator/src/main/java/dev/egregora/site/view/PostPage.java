package dev.egregora.site.view;

import java.util.List;

/**
 * A post page; {@code bodyHtml} is sanitised Markdown output; {@code continues} is the earlier post it follows up on
 * (null when none).
 */
public record PostPage(Page page, String title, String date, String isoDate, List<Link> authors, List<Link> tags,
                       String bodyHtml, List<MediaView> media, Link prev, Link next, List<Link> related,
                       int readingMinutes, Link continues) {
}
