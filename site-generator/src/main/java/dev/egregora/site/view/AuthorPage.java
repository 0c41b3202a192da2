package dev.egregora.site.view;

import gg.jte.Content;

import java.util.List;

/** An author's profile page (pseudonym or alias only). */
public record AuthorPage(Page page, String name, String bioHtml, long messages, String since, String until,
                         List<Integer> hourPercents, List<String> topWords, List<String> topEmoji, List<Content> posts,
                         Pager pager) {
}
