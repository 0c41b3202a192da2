package dev.egregora.etl.privacy;

import dev.egregora.core.model.Ids;

import java.util.function.UnaryOperator;

/**
 * Masks phone numbers and e-mail addresses in message text, and replaces {@code @mentions} of people (WhatsApp
 * wraps them in U+2068/U+2069) with the mentioned person's pseudonym. Hand-written scanners; texts without a digit,
 * an {@code @} or an isolate mark are returned unchanged without copying. Thread-safe.
 *
 * <p>A phone number is a run of digits, spaces, dots, dashes and parentheses holding at least 8 digits, or at least
 * 7 after a leading {@code +}. Dates and times ({@code 28/10/2025 14:14}) never match: {@code /} and {@code :} end
 * a run.
 */
public final class ContactMasker {
    public static final String PHONE = "[phone]";
    public static final String EMAIL = "[email]";

    private ContactMasker() {
    }

    /** As {@link #mask(String, UnaryOperator)}, with each mentioned name's base pseudonym ({@link Pseudonyms#of}). */
    public static String mask(String s) {
        return mask(s, ContactMasker::basePseudonym);
    }

    /**
     * Masks phones and e-mails and replaces {@code @\u2068Name\u2069} by {@code @} and
     * {@code pseudonymOfName.apply(Name)} (the name stripped of white space and a {@code ~} prefix).
     */
    public static String mask(String s, UnaryOperator<String> pseudonymOfName) {
        boolean digits = false;
        boolean at = false;
        boolean isolate = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '@') {
                at = true;
            } else if (c == '\u2068' || c == '\u2069' || c == '\u2066' || c == '\u2067') {
                isolate = true;
            }
        }
        String out = s;
        if (isolate) {
            out = mentions(out, pseudonymOfName);
        }
        if (at) {
            out = emails(out);
        }
        if (digits) {
            out = phones(out);
        }
        return out;
    }

    /** {@code @\u2068Name\u2069} → {@code @Pseudonym}; stray isolates are dropped. */
    static String mentions(String s, UnaryOperator<String> pseudonymOfName) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '@' && i + 1 < s.length() && s.charAt(i + 1) == '\u2068') {
                int end = s.indexOf('\u2069', i + 2);
                if (end > 0) {
                    String name = s.substring(i + 2, end).strip();
                    if (name.startsWith("~")) {
                        name = name.substring(1).strip();
                    }
                    sb.append('@').append(name.isEmpty() ? "" : pseudonymOfName.apply(name));
                    i = end + 1;
                    continue;
                }
            }
            if (c != '\u2066' && c != '\u2067' && c != '\u2068' && c != '\u2069') {
                sb.append(c);
            }
            i++;
        }
        return sb.toString();
    }

    /** Only the {@code @mention} replacement of {@link #mask(String, UnaryOperator)} (phones and e-mails kept). */
    public static String mentionsOnly(String s, UnaryOperator<String> pseudonymOfName) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u2068' || c == '\u2069' || c == '\u2066' || c == '\u2067') {
                return mentions(s, pseudonymOfName);
            }
        }
        return s;
    }

    private static String basePseudonym(String name) {
        return Pseudonyms.of(Ids.authorId(name));
    }

    static String emails(String s) {
        StringBuilder sb = null;
        int copied = 0;
        int from = 0;
        int at;
        while ((at = s.indexOf('@', from)) >= 0) {
            int l = at;
            while (l > 0 && localChar(s.charAt(l - 1))) {
                l--;
            }
            int r = at + 1;
            int lastDot = -1;
            while (r < s.length() && domainChar(s.charAt(r))) {
                if (s.charAt(r) == '.') {
                    lastDot = r;
                }
                r++;
            }
            while (r > at + 1 && (s.charAt(r - 1) == '.' || s.charAt(r - 1) == '-')) {
                r--;
            }
            if (l < at && lastDot > at + 1 && lastDot < r - 1) {
                if (sb == null) {
                    sb = new StringBuilder(s.length());
                }
                sb.append(s, copied, l).append(EMAIL);
                copied = r;
            }
            from = Math.max(r, at + 1);
        }
        if (sb == null) {
            return s;
        }
        return sb.append(s, copied, s.length()).toString();
    }

    private static boolean localChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%';
    }

    private static boolean domainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    static String phones(String s) {
        StringBuilder sb = null;
        int copied = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            boolean plus = c == '+' && i + 1 < n && isDigit(s.charAt(i + 1));
            if ((isDigit(c) || plus || c == '(') && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                int j = plus ? i + 1 : i;
                int digits = 0;
                int lastDigit = -1;
                while (j < n) {
                    char d = s.charAt(j);
                    if (isDigit(d)) {
                        digits++;
                        lastDigit = j;
                    } else if (!(d == ' ' || d == '-' || d == '.' || d == '(' || d == ')' || d == '\u00A0'
                            || d == '\u202F')) {
                        break;
                    } else if (j + 1 < n && !isDigit(s.charAt(j + 1)) && s.charAt(j + 1) != '(' && d != ')') {
                        break; // separators come one at a time between digit groups
                    }
                    j++;
                }
                boolean endsClean = lastDigit >= 0 && (lastDigit + 1 >= n || !Character.isLetter(s.charAt(lastDigit + 1)));
                if (endsClean && digits <= 15 && (digits >= 8 || (plus && digits >= 7))) {
                    if (sb == null) {
                        sb = new StringBuilder(n);
                    }
                    sb.append(s, copied, i).append(PHONE);
                    copied = lastDigit + 1;
                    i = lastDigit + 1;
                    continue;
                }
                i = Math.max(i + 1, lastDigit + 1);
                continue;
            }
            i++;
        }
        if (sb == null) {
            return s;
        }
        return sb.append(s, copied, n).toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
