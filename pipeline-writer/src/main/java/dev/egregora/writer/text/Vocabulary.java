package dev.egregora.writer.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Document frequencies of a chat's words (one message = one document) and its language, learned once and then read
 * by many threads. Scores words and two-word phrases of a window by TF-IDF against the whole chat.
 */
public final class Vocabulary {
    private final Map<String, Integer> documentFrequency;
    private final int documents;
    private final Language language;

    private Vocabulary(Map<String, Integer> documentFrequency, int documents, Language language) {
        this.documentFrequency = Map.copyOf(documentFrequency);
        this.documents = documents;
        this.language = language;
    }

    /** Messages counted per task when learning in parallel. */
    private static final int CHUNK = 16_384;
    /** Words of the chat's first messages that language detection reads. */
    private static final int SAMPLE_WORDS = 200_000;

    /**
     * Learns from every message text of a chat: document frequencies counted in parallel over chunks of messages
     * (the common fork-join pool), the language from the first {@value #SAMPLE_WORDS} words in order.
     */
    public static Vocabulary learn(Collection<String> texts) {
        List<String> all = List.copyOf(texts);
        Map<String, Integer> df = IntStream.range(0, (all.size() + CHUNK - 1) / CHUNK).parallel()
                .mapToObj(c -> documentFrequencies(all.subList(c * CHUNK, Math.min(all.size(), (c + 1) * CHUNK))))
                .reduce(Vocabulary::merge).orElseGet(HashMap::new);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < all.size() && sample.size() < SAMPLE_WORDS; i++) {
            sample.addAll(ChatText.allWords(all.get(i)));
        }
        return new Vocabulary(df, all.size(), Language.detect(sample));
    }

    private static Map<String, Integer> documentFrequencies(List<String> texts) {
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            for (String w : new HashSet<>(ChatText.words(text))) {
                df.merge(w, 1, Integer::sum);
            }
        }
        return df;
    }

    private static Map<String, Integer> merge(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> big = a.size() >= b.size() ? a : b;
        (big == a ? b : a).forEach((w, n) -> big.merge(w, n, Integer::sum));
        return big;
    }

    public Language language() {
        return language;
    }

    public int documents() {
        return documents;
    }

    /** Smoothed inverse document frequency; unseen words count as rare. */
    public double idf(String word) {
        int df = documentFrequency.getOrDefault(word, 0);
        return Math.log((documents + 1.0) / (df + 1.0)) + 1.0;
    }

    /** A scored keyword or phrase; {@code count} is how often it occurs in the window. */
    public record Term(String text, int count, double score, String display) {
        public Term(String text, int count, double score) {
            this(text, count, score, text);
        }
    }

    private static final Comparator<Term> BEST = Comparator.comparingDouble(Term::score).reversed()
            .thenComparing(Term::text);

    /** The {@code k} best content words of a window's texts, by TF-IDF (stopwords of every language removed). */
    public List<Term> keywords(List<String> texts, int k) {
        return keywordsOf(texts.stream().map(MessageTokens::of).toList(), k);
    }

    /** As {@link #keywords}, over messages tokenized once. */
    public List<Term> keywordsOf(List<MessageTokens> messages, int k) {
        Map<String, Integer> tf = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        for (MessageTokens message : messages) {
            for (String surface : message.surface()) {
                String w = surface.toLowerCase(java.util.Locale.ROOT);
                if (!Language.isAnyStopword(w) && !isNumber(w)) {
                    tf.merge(w, 1, Integer::sum);
                    forms.computeIfAbsent(w, x -> new java.util.TreeMap<>()).merge(surface, 1, Integer::sum);
                }
            }
        }
        List<Term> terms = new ArrayList<>(tf.size());
        tf.forEach((w, c) -> terms.add(new Term(w, c, (1 + Math.log(c)) * idf(w), display(w, forms.get(w)))));
        terms.sort(BEST);
        return terms.subList(0, Math.min(k, terms.size()));
    }

    /** The {@code k} best two-word phrases (adjacent content words) occurring at least twice in the window. */
    public List<Term> phrases(List<String> texts, int k) {
        return phrasesOf(texts.stream().map(MessageTokens::of).toList(), k);
    }

    /** As {@link #phrases}, over messages tokenized once. */
    public List<Term> phrasesOf(List<MessageTokens> messages, int k) {
        Map<String, Integer> tf = new LinkedHashMap<>();
        for (MessageTokens message : messages) {
            Set<String> inThisMessage = new HashSet<>();
            List<String> words = message.inOrder();
            for (int i = 1; i < words.size(); i++) {
                String a = words.get(i - 1);
                String b = words.get(i);
                if (content(a) && content(b) && !a.equals(b) && inThisMessage.add(a + " " + b)) {
                    tf.merge(a + " " + b, 1, Integer::sum);
                }
            }
        }
        List<Term> terms = new ArrayList<>();
        tf.forEach((p, c) -> {
            if (c >= 2) {
                int sp = p.indexOf(' ');
                terms.add(new Term(p, c, (1 + Math.log(c)) * (idf(p.substring(0, sp)) + idf(p.substring(sp + 1)))));
            }
        });
        terms.sort(BEST);
        return terms.subList(0, Math.min(k, terms.size()));
    }

    /** The most frequent surface form; ties go to the lower-case form, then to the alphabetically first. */
    private static String display(String lower, Map<String, Integer> forms) {
        String best = lower;
        int bestCount = forms.getOrDefault(lower, 0);
        for (Map.Entry<String, Integer> e : forms.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static boolean content(String w) {
        return w.codePointCount(0, w.length()) >= 3 && !Language.isAnyStopword(w) && !isNumber(w);
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
