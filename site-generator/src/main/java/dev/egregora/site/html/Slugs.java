package dev.egregora.site.html;

import dev.egregora.core.model.Ids;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File-name-safe slugs from data: lower-case ASCII letters, digits and single hyphens, at most 80 characters, never
 * empty, never {@code .} or {@code ..}. When the slug had to change (or was empty), a short hash of the original
 * is appended so two different inputs never share a file.
 */
public final class Slugs {
    private static final int MAX = 80;

    private Slugs() {
    }

    public static String of(String text) {
        String s = text == null ? "" : text;
        if (isSlug(s)) {
            return s;
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(Math.min(folded.length(), MAX));
        boolean hyphen = false;
        for (int i = 0; i < folded.length() && sb.length() < MAX; i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                hyphen = false;
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else if (!hyphen && sb.length() > 0) {
                sb.append('-');
                hyphen = true;
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        String slug = sb.toString();
        if (slug.isEmpty() || !slug.equals(s)) {
            // keep pure ASCII slugs that only needed lower-casing readable but distinct
            String suffix = Ids.sha256Hex(s).substring(0, 8);
            return slug.isEmpty() ? "x-" + suffix : slug + "-" + suffix;
        }
        return slug;
    }

    /** Already a slug: 1..80 of [a-z0-9-], no leading, trailing or doubled hyphen. */
    static boolean isSlug(String s) {
        int n = s.length();
        if (n == 0 || n > MAX || s.charAt(0) == '-' || s.charAt(n - 1) == '-') {
            return false;
        }
        char prev = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && prev != '-'))) {
                return false;
            }
            prev = c;
        }
        return true;
    }
}
