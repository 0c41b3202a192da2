package dev.egregora.site.html;

/** Escaping for text placed in HTML/XML and in JSON inside a script file. */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        return escapeTo(new StringBuilder(s.length() + 16), s).toString();
    }

    /** Escapes {@code & < > " '} (safe in element content and quoted attributes of HTML and XML). */
    public static StringBuilder escapeTo(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb;
    }

    /** A JSON string literal that is also safe inside a {@code <script>} file ({@code < > &} and U+2028/9 escaped). */
    public static StringBuilder jsonString(StringBuilder sb, String s) {
        sb.append('"');
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != '\u2028'
                    && c != '\u2029') {
                continue; // plain runs are copied in one append
            }
            sb.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return sb.append(s, from, s.length()).append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
