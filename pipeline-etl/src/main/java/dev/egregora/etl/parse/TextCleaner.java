package dev.egregora.etl.parse;

/** Removes characters that carry no text: BOM/ZWNBSP and the bidi marks and embeddings WhatsApp sprinkles in. */
public final class TextCleaner {
    private TextCleaner() {
    }

    static boolean isMark(char c) {
        return c == '\uFEFF' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E');
    }

    /** {@code s} without U+FEFF, U+200E, U+200F and U+202A-U+202E (isolates U+2066-9 are kept for mentions). */
    public static String dropMarks(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !isMark(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isMark(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
