package dev.egregora.writer.text;

import java.util.regex.Pattern;

/**
 * Makes chat text safe inside Markdown: nothing a Markdown renderer would treat as raw HTML, a link, an image, a
 * heading, a list, a table or emphasis survives as syntax; and a run of 8 or more digits that looks like a phone
 * number is masked as {@code [phone]} (a second line of defence behind the ETL's masking).
 */
public final class MarkdownText {
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}_\\-])\\+?\\(?\\d[\\d ().\\-]{6,}\\d(?![\\p{L}\\p{N}_])");
    private static final Pattern DATE = Pattern.compile("\\d{4}[-.]\\d{1,2}[-.]\\d{1,2}|\\d{1,2}[-.]\\d{1,2}[-.]\\d{4}");
    private static final String SPECIAL = "\\`*_[]<>#!|~{}";

    private MarkdownText() {
    }

    /** Escapes {@code text} as inline Markdown; line breaks become spaces. */
    public static String inline(String text) {
        String masked = maskPhones(text);
        StringBuilder sb = new StringBuilder(masked.length() + 16);
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r', '\n', '\u2028', '\u2029' -> sb.append(' ');
                default -> {
                    if (SPECIAL.indexOf(c) >= 0) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        // a leading "1." / "-" / "+" would start a list, a leading "=" a setext heading line
        String s = sb.toString().strip();
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+' || s.charAt(0) == '=')) {
            s = "\\" + s;
        }
        return s.replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
    }

    /** Replaces phone-number-like digit runs (at least 8 digits) with {@code [phone]}. */
    public static String maskPhones(String text) {
        var m = PHONE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        m.reset();
        while (m.find()) {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            boolean date = DATE.matcher(run.strip()).matches();
            m.appendReplacement(sb, digits >= 8 && !date ? "[phone]" : java.util.regex.Matcher.quoteReplacement(run));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A link target safe inside {@code <...>} autolink brackets or {@code (...)}: no spaces, brackets or quotes. */
    public static String url(String url) {
        StringBuilder sb = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case ' ' -> sb.append("%20");
                case '<' -> sb.append("%3C");
                case '>' -> sb.append("%3E");
                case '"' -> sb.append("%22");
                case '(' -> sb.append("%28");
                case ')' -> sb.append("%29");
                case '\\' -> sb.append("%5C");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
