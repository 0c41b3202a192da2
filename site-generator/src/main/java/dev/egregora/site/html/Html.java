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
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
