package dev.egregora.site.html;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The search terms of a post body: distinct lower-case words of 4+ letters, in order of first use, capped. */
public final class SearchTerms {
    private static final int MAX_TERMS = 24;

    private SearchTerms() {
    }

    public static String of(String markdown) {
        Set<String> terms = new LinkedHashSet<>();
        String text = markdown == null ? "" : markdown;
        int i = 0;
        int n = text.length();
        while (i < n && terms.size() < MAX_TERMS) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i - start >= 4 && !text.startsWith("http", start)) {
                terms.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
        return String.join(" ", terms);
    }
}
