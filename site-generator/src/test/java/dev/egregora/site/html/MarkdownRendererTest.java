package dev.egregora.site.html;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {
    private final MarkdownRenderer md = new MarkdownRenderer();

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "java\tscript:x",
        "data:text/html,x", "vbscript:x", "jav&#x09;ascript:x", "javascript&colon;x"})
    void dropsScriptAndDataLinks(String url) {
        String html = md.render("[click](" + url + ") ![i](" + url + ")");
        assertThat(html.toLowerCase()).doesNotContain("javascript:").doesNotContain("data:")
                .doesNotContain("vbscript:");
    }

    @Test
    void keepsOrdinaryLinksAndEscapesRawHtml() {
        String html = md.render("[a](https://example.org/x) [b](../posts/p.html) [c](mailto:a@b.c) "
                + "[d](/x?q=a:b)\n\n<script>alert(1)</script>\n\n<b onclick=x>bold</b>");
        assertThat(html).contains("rel=\"nofollow noopener\" href=\"https://example.org/x\"")
                .contains("href=\"../posts/p.html\"").contains("href=\"mailto:a@b.c\"").contains("href=\"/x?q=a:b\"")
                .contains("&lt;script&gt;").contains("&lt;b onclick=x&gt;").doesNotContain("<script")
                .doesNotContain("<b ");
    }

    @Test
    void rendersTables() {
        assertThat(md.render("| a | b |\n|---|---|\n| 1 | 2 |\n")).contains("<table>").contains("<td>1</td>");
    }
}
