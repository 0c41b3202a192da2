package dev.egregora.writer.profile;

import com.google.inject.Inject;
import dev.egregora.core.model.Author;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.Profile;
import dev.egregora.core.port.ProfileWriter;
import dev.egregora.writer.text.ChatText;
import dev.egregora.writer.text.Language;
import dev.egregora.writer.text.MarkdownText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The default {@link ProfileWriter}: counts, the active period, a 24-hour (UTC) activity histogram, top words
 * (stopwords of every supported language removed) and emoji, the posts the author appears in, and a short Markdown
 * body in the language of the author's messages. Deterministic and stateless, so thread-safe.
 *
 * <p>{@code Profile.pseudonym} holds {@link Author#displayName()}: the alias the author chose, else the pseudonym.
 * An author without messages gets a profile with zero counts and the epoch as first and last time.
 */
public final class OfflineProfileWriter implements ProfileWriter {
    static final int TOP_WORDS = 10;
    static final int TOP_EMOJI = 5;

    @Inject
    public OfflineProfileWriter() {
    }

    @Override
    public Profile write(Author author, List<Message> messages, List<Post> posts) {
        String name = author.displayName();
        Tally tally = IntStream.range(0, (messages.size() + CHUNK - 1) / CHUNK).parallel()
                .mapToObj(c -> Tally.of(messages.subList(c * CHUNK, Math.min(messages.size(), (c + 1) * CHUNK))))
                .reduce(Tally::merge).orElseGet(Tally::new);
        Map<String, Integer> words = tally.words;
        Map<String, Integer> emoji = tally.emoji;
        Instant first = tally.first;
        Instant last = tally.last;
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < messages.size() && sample.size() < 50_000; i++) {
            sample.addAll(ChatText.allWords(messages.get(i).text()));
        }
        List<Integer> hours = Arrays.stream(tally.perHour).boxed().toList();
        Language lang = Language.detect(sample);
        List<String> topWords = top(words, TOP_WORDS);
        List<String> topEmoji = top(emoji, TOP_EMOJI);
        List<Post> theirs = posts.stream().filter(p -> p.authorIds().contains(author.id()))
                .sorted(Comparator.comparing(Post::date).thenComparing(Post::id)).toList();
        List<String> postIds = theirs.stream().map(Post::id).toList();

        StringBuilder md = new StringBuilder(1024);
        if (messages.isEmpty()) {
            md.append(lang.word("none")).append('\n');
            return new Profile(author.id(), name, 0, Instant.EPOCH, Instant.EPOCH, hours, topWords, topEmoji,
                    postIds, md.toString());
        }
        DateTimeFormatter day = lang.dateFormat();
        int n = messages.size();
        String d0 = day.format(first);
        String d1 = day.format(last);
        String sentence = d0.equals(d1)
                ? String.format(Locale.ROOT, lang.word("profileDay"), "\u0000", n,
                lang.word(n == 1 ? "message" : "messages"), d0)
                : String.format(Locale.ROOT, lang.word("profile"), "\u0000", n,
                lang.word(n == 1 ? "message" : "messages"), d0, d1);
        md.append(MarkdownText.inline(sentence).replace("\u0000", "**" + MarkdownText.inline(name) + "**"));
        int busiest = 0;
        for (int h = 1; h < 24; h++) {
            if (hours.get(h) > hours.get(busiest)) {
                busiest = h;
            }
        }
        md.append(' ').append(String.format(Locale.ROOT, lang.word("busiest"),
                String.format(Locale.ROOT, "%02d:00", busiest)));
        md.append("\n\n");
        if (!topWords.isEmpty()) {
            md.append(MarkdownText.inline(String.format(Locale.ROOT, lang.word("words"), String.join(", ", topWords))))
                    .append('\n');
        }
        if (!topEmoji.isEmpty()) {
            md.append(String.format(Locale.ROOT, lang.word("emoji"), String.join(" ", topEmoji))).append('\n');
        }
        if (!theirs.isEmpty()) {
            md.append("\n## ").append(lang.word("posts")).append("\n\n");
            for (Post p : theirs) {
                md.append("- ").append(MarkdownText.inline(p.title())).append(" (")
                        .append(DateTimeFormatter.ISO_LOCAL_DATE.format(p.date().atZone(ZoneOffset.UTC)))
                        .append(")\n");
            }
        }
        return new Profile(author.id(), name, n, first, last, hours, topWords, topEmoji, postIds,
                md.toString().stripTrailing() + "\n");
    }

    /** Messages counted per task: an author's messages are counted in parallel on the common fork-join pool. */
    private static final int CHUNK = 16_384;

    /** Counts over some of an author's messages; tallies of disjoint chunks merge into the tally of all. */
    private static final class Tally {
        final int[] perHour = new int[24];
        final Map<String, Integer> words = new HashMap<>();
        final Map<String, Integer> emoji = new HashMap<>();
        Instant first;
        Instant last;

        static Tally of(List<Message> messages) {
            Tally t = new Tally();
            for (Message m : messages) {
                t.perHour[(int) (Math.floorMod(m.ts().getEpochSecond(), 86_400L) / 3_600L)]++;
                t.first = t.first == null || m.ts().isBefore(t.first) ? m.ts() : t.first;
                t.last = t.last == null || m.ts().isAfter(t.last) ? m.ts() : t.last;
                for (String w : ChatText.words(m.text())) {
                    if (!Language.isAnyStopword(w) && hasLetterChar(w)) {
                        t.words.merge(w, 1, Integer::sum);
                    }
                }
                for (String e : ChatText.emoji(m.text())) {
                    t.emoji.merge(e, 1, Integer::sum);
                }
            }
            return t;
        }

        /** Whether a UTF-16 unit of {@code w} is a letter (as {@code w.chars().anyMatch(Character::isLetter)}). */
        private static boolean hasLetterChar(String w) {
            for (int i = 0; i < w.length(); i++) {
                if (Character.isLetter(w.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        Tally merge(Tally o) {
            for (int h = 0; h < 24; h++) {
                perHour[h] += o.perHour[h];
            }
            o.words.forEach((w, n) -> words.merge(w, n, Integer::sum));
            o.emoji.forEach((e, n) -> emoji.merge(e, n, Integer::sum));
            first = first == null || (o.first != null && o.first.isBefore(first)) ? o.first : first;
            last = last == null || (o.last != null && o.last.isAfter(last)) ? o.last : last;
            return this;
        }
    }

    private static List<String> top(Map<String, Integer> counts, int k) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(Map.Entry::getKey).toList();
    }
}
