package dev.egregora.site.html;

import dev.egregora.site.content.SiteSettings;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** RSS 2.0 and Atom 1.0 of the latest posts; dates come from the posts, never from the clock. */
public final class Feeds {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    /** One feed entry. */
    public record Item(String url, String title, String summary, Instant date, List<String> tags,
                       List<String> authors) {
    }

    private Feeds() {
    }

    public static String rss(SiteSettings s, List<Item> items) {
        StringBuilder sb = new StringBuilder(2048 + items.size() * 600);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ")
                .append("xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>");
        Html.escapeTo(sb, s.name()).append("</title>\n<link>");
        Html.escapeTo(sb, s.baseUrl()).append("</link>\n<description>");
        Html.escapeTo(sb, s.description()).append("</description>\n<language>");
        Html.escapeTo(sb, s.language()).append("</language>\n<atom:link href=\"");
        Html.escapeTo(sb, s.baseUrl() + "feed.xml").append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        if (!items.isEmpty()) {
            sb.append("<lastBuildDate>").append(RFC_1123.format(items.get(0).date())).append("</lastBuildDate>\n");
        }
        for (Item i : items) {
            sb.append("<item>\n<title>");
            Html.escapeTo(sb, i.title()).append("</title>\n<link>");
            Html.escapeTo(sb, i.url()).append("</link>\n<guid isPermaLink=\"true\">");
            Html.escapeTo(sb, i.url()).append("</guid>\n<pubDate>").append(RFC_1123.format(i.date()))
                    .append("</pubDate>\n<description>");
            Html.escapeTo(sb, i.summary()).append("</description>\n");
            for (String t : i.tags()) {
                sb.append("<category>");
                Html.escapeTo(sb, t).append("</category>\n");
            }
            sb.append("</item>\n");
        }
        return sb.append("</channel>\n</rss>\n").toString();
    }

    public static String atom(SiteSettings s, List<Item> items) {
        StringBuilder sb = new StringBuilder(2048 + items.size() * 600);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>");
        Html.escapeTo(sb, s.name()).append("</title>\n<subtitle>");
        Html.escapeTo(sb, s.description()).append("</subtitle>\n<id>");
        Html.escapeTo(sb, s.baseUrl()).append("</id>\n<link href=\"");
        Html.escapeTo(sb, s.baseUrl()).append("\"/>\n<link rel=\"self\" href=\"");
        Html.escapeTo(sb, s.baseUrl() + "atom.xml").append("\"/>\n<updated>")
                .append(items.isEmpty() ? "1970-01-01T00:00:00Z" : ISO.format(items.get(0).date()))
                .append("</updated>\n");
        for (Item i : items) {
            sb.append("<entry>\n<title>");
            Html.escapeTo(sb, i.title()).append("</title>\n<id>");
            Html.escapeTo(sb, i.url()).append("</id>\n<link href=\"");
            Html.escapeTo(sb, i.url()).append("\"/>\n<updated>").append(ISO.format(i.date())).append("</updated>\n");
            for (String a : i.authors()) {
                sb.append("<author><name>");
                Html.escapeTo(sb, a).append("</name></author>\n");
            }
            if (i.authors().isEmpty()) {
                sb.append("<author><name>");
                Html.escapeTo(sb, s.name()).append("</name></author>\n");
            }
            for (String t : i.tags()) {
                sb.append("<category term=\"");
                Html.escapeTo(sb, t).append("\"/>\n");
            }
            sb.append("<summary>");
            Html.escapeTo(sb, i.summary()).append("</summary>\n</entry>\n");
        }
        return sb.append("</feed>\n").toString();
    }
}
