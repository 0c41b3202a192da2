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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        List<Integer> hours = new ArrayList<>(Collections.nCopies(24, 0));
        Map<String, Integer> words = new HashMap<>();
        Map<String, Integer> emoji = new HashMap<>();
        List<String> sample = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (Message m : messages) {
            int h = m.ts().atZone(ZoneOffset.UTC).getHour();
            hours.set(h, hours.get(h) + 1);
            first = first == null || m.ts().isBefore(first) ? m.ts() : first;
            last = last == null || m.ts().isAfter(last) ? m.ts() : last;
            for (String w : ChatText.words(m.text())) {
                if (!Language.isAnyStopword(w) && w.chars().anyMatch(Character::isLetter)) {
                    words.merge(w, 1, Integer::sum);
                }
            }
            for (String e : ChatText.emoji(m.text())) {
                emoji.merge(e, 1, Integer::sum);
            }
            if (sample.size() < 50_000) {
                sample.addAll(ChatText.allWords(m.text()));
            }
        }
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

    private static List<String> top(Map<String, Integer> counts, int k) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(Map.Entry::getKey).toList();
    }
}
