package dev.egregora.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egregora.site.html.MarkdownRenderer;
import dev.egregora.writer.text.MarkdownText;

import java.nio.charset.StandardCharsets;

/**
 * Chat text on its way to a page. {@link MarkdownText#inline} (the writer's escaping of a chat quote) followed by
 * the site's {@link MarkdownRenderer} must give one plain paragraph: no tag, link, image or emphasis made from the
 * chat text. And any Markdown at all (a post body, e.g. from an LLM) renders to markup-only HTML: only the tags
 * commonmark makes, no event-handler attributes, no {@code javascript:}/{@code data:} URLs.
 */
class MarkdownFuzzTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    @FuzzTest(maxDuration = "10m")
    void chatQuote(byte[] bytes) {
        String chat = new String(bytes, StandardCharsets.UTF_8);
        String md = MarkdownText.inline(chat);
        String html = RENDERER.render(md);
        Invariants.safeHtml(html, chat);
        String body = html.strip();
        if (body.isEmpty()) {
            return;
        }
        if (!body.startsWith("<p>") || !body.endsWith("</p>")) {
            throw new AssertionError("escaped chat text is not one paragraph: " + Invariants.quote(chat) + " -> "
                    + Invariants.quote(md) + " -> " + Invariants.quote(html));
        }
        String inner = body.substring(3, body.length() - 4);
        if (inner.indexOf('<') >= 0) {
            throw new AssertionError("markup from chat text: " + Invariants.quote(chat) + " -> " + Invariants.quote(md)
                    + " -> " + Invariants.quote(html));
        }
    }

    @FuzzTest(maxDuration = "10m")
    void postBody(byte[] bytes) {
        String markdown = new String(bytes, StandardCharsets.UTF_8);
        Invariants.safeHtml(RENDERER.render(markdown), markdown);
    }
}
