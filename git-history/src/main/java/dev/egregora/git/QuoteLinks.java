package dev.egregora.git;

import dev.egregora.core.model.Message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links the code references inside a post's quoted lines (Markdown block quotes, where writers put the messages
 * they highlight). The quoted text is already escaped Markdown, so it is scanned as written: a backslash-escaped
 * path character counts as that character, which splits the line into the same runs
 * {@link CodeReferenceDetector#find} split the message into. A run becomes a link only when it is a reference
 * the detector found in the quoted message (or, when the quote cannot be traced to one message, in any message
 * of the window): the link text is the run as written (path characters and their escapes, nothing that can close
 * it) and the target is the detector's URL, built from a validated SHA and a percent-encoded path. Runs inside a
 * code span or next to link syntax are left alone; a run that is a whole code span is linked with its backticks.
 * Stateless.
 */
final class QuoteLinks {
    /** How much of a quote's start identifies the message it quotes (quotes are cut and phone numbers masked). */
    private static final int KEY_CHARS = 60;

    private QuoteLinks() {
    }

    /**
     * {@code markdown} with the references in its quoted lines linked; {@code refs.get(i)} are the references
     * (with URLs) of {@code messages.get(i)}.
     */
    static String link(String markdown, List<Message> messages, List<List<CodeReference>> refs) {
        Map<String, String> any = new HashMap<>();
        for (List<CodeReference> rs : refs) {
            for (CodeReference r : rs) {
                if (r.url() != null) {
                    any.putIfAbsent(r.text(), r.url());
                }
            }
        }
        if (any.isEmpty()) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length() + 256);
        int from = 0;
        while (from < markdown.length()) {
            int nl = markdown.indexOf('\n', from);
            int to = nl < 0 ? markdown.length() : nl + 1;
            String line = markdown.substring(from, to);
            int body = quoteBody(line);
            if (body < 0) {
                out.append(line);
            } else {
                String content = line.substring(body);
                Map<String, String> urls = urlsFor(content, messages, refs, any);
                out.append(line, 0, body).append(urls.isEmpty() ? content : linkRuns(content, urls));
            }
            from = to;
        }
        return out.toString();
    }

    /** Where the quoted text of a block-quote line starts, or -1 (not a quote, or an attribution line). */
    private static int quoteBody(String line) {
        int i = 0;
        while (i < line.length() && i < 3 && line.charAt(i) == ' ') {
            i++;
        }
        if (i >= line.length() || line.charAt(i) != '>') {
            return -1;
        }
        while (i < line.length() && (line.charAt(i) == '>' || line.charAt(i) == ' ')) {
            i++;
        }
        return line.startsWith("—", i) ? -1 : i;
    }

    /** The URLs of the message the quote is taken from, or of every message when it cannot be told. */
    private static Map<String, String> urlsFor(String quote, List<Message> messages, List<List<CodeReference>> refs,
                                               Map<String, String> any) {
        String key = key(quote);
        if (key.length() >= 8) {
            for (int i = 0; i < messages.size(); i++) {
                if (oneLine(messages.get(i).text()).startsWith(key)) {
                    Map<String, String> own = new HashMap<>();
                    for (CodeReference r : refs.get(i)) {
                        if (r.url() != null) {
                            own.putIfAbsent(r.text(), r.url());
                        }
                    }
                    return own;
                }
            }
        }
        return any;
    }

    /** The quote's start, unescaped, up to a masked phone number, a cut mark or {@link #KEY_CHARS}. */
    static String key(String quote) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < quote.length() && sb.length() < KEY_CHARS; i++) {
            char c = quote.charAt(i);
            if (c == '…' || quote.startsWith("\\[phone\\]", i)) {
                break;
            } else if (c == '\\' && i + 1 < quote.length() && quote.charAt(i + 1) < 128
                    && !Character.isLetterOrDigit(quote.charAt(i + 1))) {
                sb.append(quote.charAt(++i));
            } else if (quote.startsWith("&amp;", i)) {
                sb.append('&');
                i += 4;
            } else if (quote.startsWith("&lt;", i)) {
                sb.append('<');
                i += 3;
            } else if (quote.startsWith("&gt;", i)) {
                sb.append('>');
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ').replace('\u2028', ' ').replace('\u2029', ' ').strip();
    }

    private static String linkRuns(String s, Map<String, String> urls) {
        StringBuilder out = new StringBuilder(s.length() + 128);
        StringBuilder raw = new StringBuilder();
        int[] at = new int[s.length() + 1];
        int n = s.length();
        int last = 0;
        int i = 0;
        while (i < n) {
            if (!pathCharAt(s, i)) {
                i += s.charAt(i) == '\\' && i + 1 < n ? 2 : 1;
                continue;
            }
            // one run: raw holds it unescaped, at[k] where raw char k starts in s
            raw.setLength(0);
            while (i < n && pathCharAt(s, i)) {
                at[raw.length()] = i;
                i += s.charAt(i) == '\\' ? 2 : 1;
                raw.append(s.charAt(i - 1));
            }
            at[raw.length()] = i;
            int[] span = CodeReferenceDetector.trim(raw, 0, raw.length());
            if (span[0] == span[1]) {
                continue;
            }
            String url = urls.get(raw.substring(span[0], span[1]));
            int start = at[span[0]];
            int end = at[span[1]];
            if (url == null) {
                continue;
            }
            int ticks = unescapedBackticks(s, start);
            boolean wholeSpan = start > 0 && end < n && s.charAt(start - 1) == '`' && s.charAt(end) == '`'
                    && ticks % 2 == 1 && (start < 2 || s.charAt(start - 2) != '\\');
            if (wholeSpan) {
                start--;
                end++;
            } else if (ticks % 2 == 1 || linkSyntaxAround(s, start, end)) {
                continue;
            }
            out.append(s, last, start).append('[').append(s, start, end).append("](").append(url).append(')');
            last = end;
        }
        return out.append(s, last, n).toString();
    }

    /** A path character at {@code i}, or a backslash escaping one. */
    private static boolean pathCharAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '\\') {
            return i + 1 < s.length() && CodeReferenceDetector.isPathChar(s.charAt(i + 1));
        }
        return CodeReferenceDetector.isPathChar(c);
    }

    private static int unescapedBackticks(String s, int before) {
        int count = 0;
        for (int i = 0; i < before; i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '`') {
                count++;
            }
        }
        return count;
    }

    /** Already a link's text or target: {@code [run}, {@code run]}, {@code ](run}. */
    private static boolean linkSyntaxAround(String s, int start, int end) {
        char before = start > 0 ? s.charAt(start - 1) : ' ';
        char after = end < s.length() ? s.charAt(end) : ' ';
        return before == '[' || after == ']' || (before == '(' && start > 1 && s.charAt(start - 2) == ']')
                || before == '<';
    }
}
