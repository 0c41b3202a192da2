package dev.egregora.writer.text;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Post slugs: {@code yyyy-MM-dd-title-in-ascii}, at most 60 characters, deterministic. */
public final class Slug {
    public static final int MAX = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private Slug() {
    }

    public static String of(Instant date, String title) {
        String base = DAY.format(date);
        String words = ascii(title);
        String slug = words.isEmpty() ? base + "-post" : base + "-" + words;
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX);
            int dash = slug.lastIndexOf('-');
            if (dash > base.length()) {
                slug = slug.substring(0, dash); // do not cut a word in half
            }
        }
        return slug.replaceAll("-+$", "");
    }

    /** Lower-case ASCII letters and digits joined by single dashes (accents folded: "ação" -> "acao"). */
    public static String ascii(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("œ", "oe").replace("ł", "l")
                .toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(folded.length());
        boolean dash = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return sb.toString();
    }
}
