package dev.egregora.writer.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTextTest {

    @Test
    void rawHtmlAndMarkdownSyntaxAreNeutralised() {
        assertThat(MarkdownText.inline("<b>hi</b> & [x](y) *z* `c` # h | t ~s~ ![i](j)"))
                .isEqualTo("&lt;b&gt;hi&lt;/b&gt; &amp; \\[x\\](y) \\*z\\* \\`c\\` \\# h \\| t \\~s\\~ \\!\\[i\\](j)");
        assertThat(MarkdownText.inline("- item")).isEqualTo("\\- item");
        assertThat(MarkdownText.inline("12. item")).isEqualTo("12\\. item");
        assertThat(MarkdownText.inline("two\nlines")).isEqualTo("two lines");
    }

    @Test
    void phoneNumbersAreMaskedButDatesFileNamesAndShortNumbersAreNot() {
        assertThat(MarkdownText.maskPhones("ring +55 (11) 98765-4321 or 0612345678"))
                .isEqualTo("ring [phone] or [phone]");
        assertThat(MarkdownText.maskPhones("on 2025-03-20, 14.03.2025, IMG-20250314-WA0001.jpg, 1234 567"))
                .isEqualTo("on 2025-03-20, 14.03.2025, IMG-20250314-WA0001.jpg, 1234 567");
    }

    @Test
    void urlsCannotBreakOutOfTheirBrackets() {
        assertThat(MarkdownText.url("https://a.com/x y>\"z\")")).isEqualTo("https://a.com/x%20y%3E%22z%22%29");
    }
}
