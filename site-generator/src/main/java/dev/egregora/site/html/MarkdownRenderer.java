package dev.egregora.site.html;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

import java.util.List;
import java.util.Locale;

/**
 * Markdown to HTML with commonmark-java (+ GFM tables), safe for chat-derived text: raw HTML is escaped, link and
 * image URLs other than http(s), mailto and relative ones are dropped (so {@code javascript:}, {@code data:},
 * {@code vbscript:} never reach the page), and external links get {@code rel="nofollow noopener"}. Built once,
 * immutable and thread-safe.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        var extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(new SafeUrls())
                .attributeProviderFactory(ctx -> (node, tag, attrs) -> {
                    if (node instanceof Link && attrs.getOrDefault("href", "").startsWith("http")) {
                        attrs.put("rel", "nofollow noopener");
                    }
                })
                .build();
    }

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }

    /** Whether a URL (from data) may become a link: http(s), mailto, or relative without a scheme. */
    public static boolean isSafeUrl(String url) {
        String u = url.strip();
        StringBuilder compact = new StringBuilder();
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c > ' ' && c != 0x7f) {
                compact.append(c);
            }
        }
        String s = compact.toString().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        if (colon < 0) {
            return true;
        }
        int firstDelim = firstOf(s, "/?#");
        if (firstDelim >= 0 && firstDelim < colon) {
            return true; // the colon is in a path or query, not a scheme
        }
        String scheme = s.substring(0, colon);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }

    private static int firstOf(String s, String chars) {
        int best = -1;
        for (int i = 0; i < chars.length(); i++) {
            int j = s.indexOf(chars.charAt(i));
            if (j >= 0 && (best < 0 || j < best)) {
                best = j;
            }
        }
        return best;
    }

    private static final class SafeUrls implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return isSafeUrl(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return isSafeUrl(url) ? url : "";
        }
    }
}
