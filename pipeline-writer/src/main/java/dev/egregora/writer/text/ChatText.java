package dev.egregora.writer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads chat text: words, links and emoji. Stateless and thread-safe. */
public final class ChatText {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");
    static final Pattern FILE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}_\\-])[\\p{L}\\p{N}_\\-]++\\.(?:jpe?g|png|gif|webp|heic|mp4"
            + "|mov|3gp|webm|opus|ogg|m4a|mp3|aac|pdf|docx?|xlsx?|pptx?|txt|zip|vcf)\\b");
    /** Replaces links and attachment file names with {@code replacement}; cheap when there are none. */
    private static String withoutLinksAndFiles(String text, String replacement) {
        String t = text;
        if (mayHaveUrl(t)) {
            t = URL.matcher(t).replaceAll(replacement);
        }
        if (mayHaveFileName(t)) {
            t = FILE.matcher(t).replaceAll(replacement);
        }
        return t;
    }

    /**
     * False when {@link #FILE} cannot match: no '.' between a name character and an extension's first character
     * (an ASCII letter, as {@code (?i)} folds ASCII only, or the '3' of 3gp). Most messages end a sentence with '.', and the regex scan is the costly part.
     */
    static boolean mayHaveFileName(String t) {
        for (int i = t.indexOf('.', 1); i > 0 && i + 1 < t.length(); i = t.indexOf('.', i + 1)) {
            char next = t.charAt(i + 1);
            if (next == '3' || (next < 128 && Character.isLetter(next))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHaveUrl(String t) {
        return t.indexOf("://") >= 0 || t.indexOf("www.") >= 0 || t.indexOf("WWW.") >= 0 || t.indexOf("Www.") >= 0;
    }

    private static final String TRAILING = ".,;:!?)]}'\"*_~";

    /**
     * Characters of one message that word analysis looks at: a 50 MB message would otherwise become a list of
     * millions of words (reliability finding F6); its first 64 Ki characters say what it is about.
     */
    static final int MAX_ANALYSED_CHARS = 64 * 1024;

    private ChatText() {
    }

    /** The prefix of {@code text} that word analysis reads, never splitting a surrogate pair. */
    static String analysed(String text) {
        if (text.length() <= MAX_ANALYSED_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_ANALYSED_CHARS - 1)) ? MAX_ANALYSED_CHARS - 1
                : MAX_ANALYSED_CHARS;
        return text.substring(0, end);
    }

    /**
     * Lower-cased words of at least 3 characters with a letter, without links, attachment file names and
     * {@code [phone]}/{@code [email]} masks.
     */
    public static List<String> words(String text) {
        return words(text, true);
    }

    /** As {@link #words(String)}, keeping the case of the text (for display). */
    public static List<String> surfaceWords(String text) {
        return words(text, false);
    }

    private static List<String> words(String text, boolean lower) {
        List<String> out = new ArrayList<>();
        String t = withoutLinksAndFiles(analysed(text), " ");
        if (t.indexOf('[') >= 0) {
            t = t.replace("[phone]", " ").replace("[email]", " ");
        }
        int i = 0;
        int n = t.length();
        while (i < n) {
            int cp = t.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean letter = false;
            while (i < n) {
                cp = t.codePointAt(i);
                if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                    letter |= Character.isLetter(cp);
                    i += Character.charCount(cp);
                } else if ((cp == '\'' || cp == '’' || cp == '-') && i + 1 < n
                        && Character.isLetter(t.codePointAt(i + 1))) {
                    i += 1;
                } else {
                    break;
                }
            }
            String raw = t.substring(start, i).replace('’', '\'');
            String w = lower ? unElide(raw.toLowerCase(Locale.ROOT)) : raw.substring(
                    raw.length() - unElide(raw.toLowerCase(Locale.ROOT)).length());
            if (letter && w.codePointCount(0, w.length()) >= 3) {
                out.add(w);
            }
        }
        return out;
    }

    /** What {@link #allWordsInOrder} finds: words joined by apostrophes or hyphens, and sentence breaks. */
    static final Pattern WORD_OR_BREAK = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}]+(?:['’-][\\p{L}\\p{M}\\p{N}]+)*|[.!?,;:()\\n]");

    private static final String BREAKS = ".!?,;:()\n";

    /**
     * Every word in order, lower-cased, with no length filter, and "." wherever punctuation, a line break, a link or
     * a mask breaks the sentence (for phrases that must not span two sentences). A hand-written scan that finds
     * exactly what {@link #WORD_OR_BREAK} finds (property-tested), at a fraction of the regex's cost.
     */
    public static List<String> allWordsInOrder(String text) {
        List<String> out = new ArrayList<>();
        String t = withoutLinksAndFiles(analysed(text), " . ");
        if (t.indexOf('[') >= 0) {
            t = t.replace("[phone]", " . ").replace("[email]", " . ");
        }
        t = t.toLowerCase(Locale.ROOT);
        int n = t.length();
        int i = 0;
        while (i < n) {
            int cp = t.codePointAt(i);
            if (!isWordChar(cp)) {
                if (BREAKS.indexOf(cp) >= 0) {
                    out.add(".");
                }
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i = endOfRun(t, i);
            while (i + 1 < n) {
                char sep = t.charAt(i);
                if ((sep != '\'' && sep != '’' && sep != '-') || !isWordChar(t.codePointAt(i + 1))) {
                    break;
                }
                i = endOfRun(t, i + 1);
            }
            out.add(unElide(t.substring(start, i).replace('’', '\'')));
        }
        return out;
    }

    /** The end of the run of word characters starting at {@code i}. */
    private static int endOfRun(String t, int i) {
        int n = t.length();
        while (i < n) {
            int cp = t.codePointAt(i);
            if (!isWordChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** {@code [\\p{L}\\p{M}\\p{N}]}: a letter, a mark or a number. */
    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        return ((1 << Character.getType(cp)) & WORD_TYPES) != 0;
    }

    private static final int WORD_TYPES = (1 << Character.UPPERCASE_LETTER) | (1 << Character.LOWERCASE_LETTER)
            | (1 << Character.TITLECASE_LETTER) | (1 << Character.MODIFIER_LETTER) | (1 << Character.OTHER_LETTER)
            | (1 << Character.NON_SPACING_MARK) | (1 << Character.ENCLOSING_MARK)
            | (1 << Character.COMBINING_SPACING_MARK) | (1 << Character.DECIMAL_DIGIT_NUMBER)
            | (1 << Character.LETTER_NUMBER) | (1 << Character.OTHER_NUMBER);

    private static final Pattern ELISION = Pattern.compile("^(?:[ldjmnstc]|qu)'(?=\\p{L}{3})");

    /** French/Italian elisions: "l'anniversaire" -> "anniversaire", "qu'elle" stays a stopword-ish "elle". */
    static String unElide(String lowerCaseWord) {
        return lowerCaseWord.indexOf('\'') < 0 ? lowerCaseWord : ELISION.matcher(lowerCaseWord).replaceFirst("");
    }

    /** Every word, including short ones and stopwords (for language detection). */
    public static List<String> allWords(String text) {
        List<String> out = new ArrayList<>();
        for (String w : withoutLinksAndFiles(analysed(text), " ").toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}'’]+")) {
            if (!w.isEmpty()) {
                out.add(w.replace('’', '\''));
            }
        }
        return out;
    }

    /** Links in the text, trailing punctuation removed, {@code www.} links given {@code https://}. */
    public static List<String> urls(String message) {
        String text = analysed(message);
        List<String> out = new ArrayList<>();
        if (!mayHaveUrl(text)) {
            return out;
        }
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String u = m.group();
            while (!u.isEmpty() && TRAILING.indexOf(u.charAt(u.length() - 1)) >= 0) {
                if (u.endsWith(")") && u.chars().filter(c -> c == '(').count()
                        >= u.chars().filter(c -> c == ')').count()) {
                    break; // balanced: https://en.wikipedia.org/wiki/Foo_(bar)
                }
                u = u.substring(0, u.length() - 1);
            }
            if (u.regionMatches(true, 0, "www.", 0, 4)) {
                u = "https://" + u;
            }
            if (u.length() > "https://".length()) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * Emoji in order of appearance, each with its modifiers: skin tones, variation selector 16, ZWJ sequences and
     * regional-indicator flags stay one emoji.
     */
    public static List<String> emoji(String message) {
        String text = analysed(message);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isEmojiBase(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean flag = isRegional(cp);
            i += Character.charCount(cp);
            if (flag && i < n && isRegional(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
                out.add(text.substring(start, i));
                continue;
            }
            while (i < n) {
                int next = text.codePointAt(i);
                if (next == 0xFE0F || (next >= 0x1F3FB && next <= 0x1F3FF) || next == 0x20E3) {
                    i += Character.charCount(next);
                } else if (next == 0x200D && i + 1 < n && isEmojiBase(text.codePointAt(i + 1))) {
                    i += 1;
                    i += Character.charCount(text.codePointAt(i));
                } else {
                    break;
                }
            }
            out.add(text.substring(start, i));
        }
        return out;
    }

    private static boolean isRegional(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isEmojiBase(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2B50 || cp == 0x2B55 || cp == 0x2764
                || (cp >= 0x2B05 && cp <= 0x2B07) || cp == 0x2934 || cp == 0x2935 || cp == 0x3030 || cp == 0x303D;
    }
}
