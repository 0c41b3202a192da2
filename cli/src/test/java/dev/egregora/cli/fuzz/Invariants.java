package dev.egregora.cli.fuzz;

import dev.egregora.core.EgregoraException;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks shared by the fuzz targets; a violation throws {@link AssertionError}, which Jazzer reports as a finding. */
final class Invariants {
    /** Tags commonmark-java (+ GFM tables) emits for Markdown; anything else in the output came from the input. */
    private static final Set<String> MARKDOWN_TAGS = Set.of("p", "em", "strong", "a", "img", "code", "pre", "h1", "h2",
            "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th",
            "td");
    private static final Set<String> ATTRIBUTES = Set.of("href", "src", "alt", "title", "rel", "class", "start",
            "align");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("\\s([A-Za-z_:][-A-Za-z0-9_:.]*)(?:=\"([^\"]*)\")?");

    private Invariants() {
    }

    /** A user-facing error: a non-blank, single-line message of reasonable length. */
    static void oneLine(EgregoraException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            throw new AssertionError("EgregoraException without a message", e);
        }
        if (m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0) {
            throw new AssertionError("multi-line user error: " + m, e);
        }
    }

    /**
     * {@code html} holds only the tags and attributes a Markdown renderer makes, and every link/image URL passes
     * the site's URL policy (no {@code javascript:}, {@code data:} ...).
     */
    static void safeHtml(String html, String input) {
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            String tag = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (!MARKDOWN_TAGS.contains(tag)) {
                throw new AssertionError("tag <" + tag + "> in output of " + quote(input) + ": " + quote(html));
            }
            Matcher a = ATTR.matcher(m.group(3));
            while (a.find()) {
                String name = a.group(1).toLowerCase(java.util.Locale.ROOT);
                if (!ATTRIBUTES.contains(name)) {
                    throw new AssertionError("attribute " + name + " in output of " + quote(input) + ": " + quote(html));
                }
                if ((name.equals("href") || name.equals("src")) && a.group(2) != null
                        && !dev.egregora.site.html.MarkdownRenderer.isSafeUrl(unescape(a.group(2)))) {
                    throw new AssertionError("unsafe URL " + a.group(2) + " in output of " + quote(input));
                }
            }
        }
    }

    static String unescape(String attr) {
        return attr.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String quote(String s) {
        String t = s.length() > 300 ? s.substring(0, 300) + "..." : s;
        return "\"" + t.replace("\n", "\\n") + "\"";
    }
}
