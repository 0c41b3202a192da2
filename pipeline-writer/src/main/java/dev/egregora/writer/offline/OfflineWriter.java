package dev.egregora.writer.offline;

import com.google.inject.Inject;
import dev.egregora.core.model.Author;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Window;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.port.PostWriter;
import dev.egregora.writer.text.Language;
import dev.egregora.writer.text.MarkdownText;
import dev.egregora.writer.text.MessageTokens;
import dev.egregora.writer.text.Slug;
import dev.egregora.writer.text.Vocabulary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The default {@link PostWriter}: a deterministic digest of a window, without any network. Title from the window's
 * salient phrase or keywords (TF-IDF against the whole chat, learned in {@link #prepare}), a summary, tags, the
 * people who took part (display names only), highlights (the most replied-to, the most salient, the longest
 * message, the first link), shared links and media, and the date range, in the chat's language (en, pt, es, de, fr).
 *
 * <p>Thread-safe: {@link #prepare} publishes an immutable vocabulary; {@link #write} only reads it.
 */
public final class OfflineWriter implements PostWriter {
    public static final String NAME = "offline";
    public static final int VERSION = 1;

    /**
     * @param tags       keywords kept as tags
     * @param highlights quotes kept as highlights
     * @param quoteChars longest quote, in characters, before it is cut at a word boundary
     */
    public record Options(int tags, int highlights, int quoteChars) {
        public static final Options DEFAULTS = new Options(5, 4, 280);

        public Options {
            if (tags < 0 || highlights < 0 || quoteChars < 20) {
                throw new IllegalArgumentException("invalid offline writer options: " + tags + ", " + highlights
                        + ", " + quoteChars);
            }
        }
    }

    private static final Duration REPLY_WINDOW = Duration.ofMinutes(30);
    private static final int REPLY_LOOKAHEAD = 8;

    private final Options options;
    private volatile Vocabulary vocabulary;

    @Inject
    public OfflineWriter() {
        this(Options.DEFAULTS);
    }

    public OfflineWriter(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void prepare(List<Message> chat) {
        List<String> texts = new ArrayList<>(chat.size());
        for (Message m : chat) {
            texts.add(m.text());
        }
        vocabulary = Vocabulary.learn(texts);
    }

    @Override
    public String fingerprint() {
        return NAME + "/" + VERSION + ";tags=" + options.tags() + ";highlights=" + options.highlights()
                + ";quote=" + options.quoteChars();
    }

    @Override
    public Post write(WindowContent content) {
        Window window = content.window();
        List<Message> messages = content.messages();
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("window " + window.id() + " has no messages");
        }
        List<String> texts = messages.stream().map(Message::text).toList();
        Vocabulary vocab = vocabulary != null ? vocabulary : Vocabulary.learn(texts);
        Language lang = vocab.language();

        List<MessageTokens> tokens = texts.stream().map(MessageTokens::of).toList();
        List<Vocabulary.Term> keywords = vocab.keywordsOf(tokens, Math.max(options.tags(), 3));
        List<Vocabulary.Term> phrases = vocab.phrasesOf(tokens, 1);
        String title = title(lang, keywords, phrases);
        List<String> tags = keywords.stream().limit(options.tags()).map(Vocabulary.Term::text).toList();

        Map<String, Integer> perAuthor = new HashMap<>();
        for (Message m : messages) {
            if (m.authorId() != null) {
                perAuthor.merge(m.authorId(), 1, Integer::sum);
            }
        }
        List<String> authorIds = new ArrayList<>(perAuthor.keySet());
        authorIds.sort(Comparator.comparing((String id) -> -perAuthor.get(id)).thenComparing(id -> id));

        Instant start = messages.get(0).ts();
        Instant end = messages.get(messages.size() - 1).ts();
        String when = dateRange(lang, start, end);
        int people = authorIds.size();
        String summary = String.format(Locale.ROOT, lang.word("summary"), messages.size(),
                lang.word(messages.size() == 1 ? "message" : "messages"), people,
                lang.word(people == 1 ? "participant" : "participants"), when)
                + " " + (keywords.isEmpty() ? lang.word("quiet")
                : String.format(Locale.ROOT, lang.word("about"), join(lang,
                keywords.stream().limit(3).map(Vocabulary.Term::display).toList())));

        StringBuilder md = new StringBuilder(4096);
        md.append('*').append(MarkdownText.inline(when)).append("*\n\n");
        md.append(MarkdownText.inline(summary)).append("\n\n");

        List<Message> highlights = highlights(messages, tokens, vocab, keywords);
        if (!highlights.isEmpty()) {
            md.append("## ").append(lang.word("highlights")).append("\n\n");
            for (Message m : highlights) {
                md.append("> ").append(MarkdownText.inline(shorten(m.text()))).append("\n>\n> — **")
                        .append(MarkdownText.inline(name(content, m.authorId()))).append("**, ")
                        .append(TIME.format(m.ts())).append("\n\n");
            }
        }

        md.append("## ").append(lang.word("people")).append("\n\n");
        for (String id : authorIds) {
            int n = perAuthor.get(id);
            md.append("- **").append(MarkdownText.inline(name(content, id))).append("** — ").append(n).append(' ')
                    .append(lang.word(n == 1 ? "message" : "messages")).append('\n');
        }
        md.append('\n');

        Set<String> links = new LinkedHashSet<>();
        for (MessageTokens t : tokens) {
            links.addAll(t.urls());
        }
        if (!links.isEmpty()) {
            md.append("## ").append(lang.word("links")).append("\n\n");
            for (String url : links) {
                md.append("- <").append(MarkdownText.url(MarkdownText.maskPhones(url))).append(">\n");
            }
            md.append('\n');
        }

        Set<String> mediaIds = new LinkedHashSet<>();
        StringBuilder media = new StringBuilder();
        for (Message m : messages) {
            MediaItem item = m.mediaId() == null ? null : content.media().get(m.mediaId());
            if (item != null) {
                if (mediaIds.add(item.id())) {
                    String path = MarkdownText.url(item.relPath().replaceFirst("^/+", ""));
                    String label = MarkdownText.inline(item.fileName());
                    if ("image".equals(item.kind())) {
                        media.append("![").append(label).append("](").append(path).append(")\n\n");
                    } else {
                        media.append("- [").append(label).append("](").append(path).append(") (")
                                .append(item.kind()).append(")\n\n");
                    }
                }
            } else if (m.mediaName() != null && !m.mediaName().isBlank()) {
                media.append("- ").append(MarkdownText.inline(m.mediaName())).append(" (")
                        .append(lang.word("attachment")).append(")\n\n");
            }
        }
        if (media.length() > 0) {
            md.append("## ").append(lang.word("media")).append("\n\n").append(media);
        }

        String body = md.toString().stripTrailing() + "\n";
        return new Post(window.id(), Slug.of(window.start(), title), window.signature(), title, summary,
                window.start(), window.end(), tags, authorIds, List.copyOf(mediaIds), lang.code(), body, NAME);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private static String dateRange(Language lang, Instant start, Instant end) {
        DateTimeFormatter day = lang.dateFormat();
        String d0 = day.format(start);
        String d1 = day.format(end);
        if (d0.equals(d1)) {
            return d0 + ", " + TIME.format(start) + "–" + TIME.format(end) + " UTC";
        }
        return d0 + " " + TIME.format(start) + " – " + d1 + " " + TIME.format(end) + " UTC";
    }

    static String title(Language lang, List<Vocabulary.Term> keywords, List<Vocabulary.Term> phrases) {
        List<String> parts = new ArrayList<>();
        if (!phrases.isEmpty()) {
            parts.add(phrases.get(0).text());
        }
        for (Vocabulary.Term k : keywords) {
            if (parts.size() == 3 || (!parts.isEmpty() && parts.get(0).contains(" ") && parts.size() == 2)) {
                break;
            }
            boolean inPhrase = parts.stream().anyMatch(p -> (" " + p.replace('-', ' ') + " ")
                    .contains(" " + k.text().replace('-', ' ') + " "));
            if (!inPhrase) {
                parts.add(k.display());
            }
        }
        if (parts.isEmpty()) {
            return lang.word("untitled");
        }
        String t = join(lang, parts);
        return t.substring(0, t.offsetByCodePoints(0, 1)).toUpperCase(lang.locale())
                + t.substring(t.offsetByCodePoints(0, 1));
    }

    private static String join(Language lang, List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + lang.word("and") + " "
                + parts.get(parts.size() - 1);
    }

    /** The most replied-to, the most salient, the longest, and the first message with a link; in time order. */
    private List<Message> highlights(List<Message> messages, List<MessageTokens> tokens, Vocabulary vocab,
                                     List<Vocabulary.Term> keywords) {
        if (options.highlights() == 0) {
            return List.of();
        }
        Set<String> top = new TreeSet<>();
        keywords.forEach(k -> top.add(k.text()));
        int n = messages.size();
        int[] replies = new int[n];
        int[] replyScore = new int[n];
        double[] salience = new double[n];
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            Message m = messages.get(i);
            Instant replyDeadline = m.ts().plus(REPLY_WINDOW);
            Set<String> repliers = new HashSet<>();
            for (int j = i + 1; j < n && j <= i + REPLY_LOOKAHEAD; j++) {
                Message r = messages.get(j);
                if (Objects.equals(r.authorId(), m.authorId()) || r.ts().isAfter(replyDeadline)) {
                    break;
                }
                if (r.authorId() != null) {
                    repliers.add(r.authorId());
                    replyScore[i] += 10;
                }
            }
            replies[i] = repliers.size();
            replyScore[i] += 100 * replies[i] + (m.text().strip().endsWith("?") ? 5 : 0);
            List<String> ws = tokens.get(i).lower();
            words[i] = tokens.get(i).wordCount();
            for (String w : top) { // sorted, so the sum is the same whatever the message's word order
                if (ws.contains(w)) {
                    salience[i] += vocab.idf(w);
                }
            }
        }
        Map<String, Integer> picked = new LinkedHashMap<>();
        pick(picked, n, i -> replies[i] >= 2 && words[i] >= 2, i -> replyScore[i]);
        pick(picked, n, i -> words[i] >= 3, i -> salience[i]);
        pick(picked, n, i -> words[i] >= 3, i -> words[i]);
        for (int i = 0; i < n && picked.size() < options.highlights(); i++) {
            if (!tokens.get(i).urls().isEmpty()) {
                picked.putIfAbsent(String.valueOf(i), i);
                break;
            }
        }
        return picked.values().stream().limit(options.highlights()).sorted().map(messages::get).toList();
    }

    private void pick(Map<String, Integer> picked, int n, java.util.function.IntPredicate eligible,
                      java.util.function.IntToDoubleFunction score) {
        if (picked.size() >= options.highlights()) {
            return;
        }
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (eligible.test(i) && !picked.containsKey(String.valueOf(i))
                    && (best < 0 || score.applyAsDouble(i) > score.applyAsDouble(best))) {
                best = i;
            }
        }
        if (best >= 0 && score.applyAsDouble(best) > 0) {
            picked.put(String.valueOf(best), best);
        }
    }

    private String shorten(String text) {
        String t = text.strip();
        if (t.codePointCount(0, t.length()) <= options.quoteChars()) {
            return t;
        }
        int cut = t.offsetByCodePoints(0, options.quoteChars());
        int space = t.lastIndexOf(' ', cut);
        return t.substring(0, space > options.quoteChars() / 2 ? space : cut).stripTrailing() + " …";
    }

    private static String name(WindowContent content, String authorId) {
        Author a = authorId == null ? null : content.authors().get(authorId);
        return a == null ? "?" : a.displayName();
    }
}
