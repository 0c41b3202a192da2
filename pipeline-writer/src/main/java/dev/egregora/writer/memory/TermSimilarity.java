package dev.egregora.writer.memory;

import dev.egregora.writer.memory.store.RelatedPostStore.PostText;
import dev.egregora.writer.text.ChatText;
import dev.egregora.writer.text.Language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "Related posts" without a model: cosine similarity of TF-IDF vectors over the words of each post's title, summary and
 * tags (stopwords of every supported language left out; a tag counts twice, as the writer's own choice of topic). Scored through an inverted index, so the cost is the sum of the
 * squared posting-list lengths, not posts²; words in more than half of the posts, or in more than a tenth of them and
 * more than {@value #MAX_DF}, carry little and are skipped (they would make every pair a candidate).
 * Deterministic: posts and terms are visited in sorted order and ties are broken by post id. Stateless, thread-safe.
 */
public final class TermSimilarity {

    /** One post's {@code k} most similar other posts, best first; posts sharing no term are left out. */
    public record Match(String postId, List<Neighbour> neighbours) {
    }

    /** A similar post and its cosine similarity (0..1]. */
    public record Neighbour(String postId, double score) {
    }

    /** Words in more than this many posts (or a tenth of them, if more) are too common to relate posts. */
    static final int MAX_DF = 50;

    private static boolean better(double[] score, int a, int b) {
        return score[a] != score[b] ? score[a] > score[b] : a < b;
    }

    public List<Match> topK(List<PostText> posts, int k) {
        int n = posts.size();
        List<PostText> sorted = new ArrayList<>(posts);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        List<Map<String, Integer>> counts = new ArrayList<>(n);
        Map<String, Integer> df = new HashMap<>();
        for (PostText p : sorted) {
            Map<String, Integer> tf = new TreeMap<>();
            for (String w : ChatText.words(p.title() + "\n" + p.summary())) {
                if (!Language.isAnyStopword(w)) {
                    tf.merge(w, 1, Integer::sum);
                }
            }
            for (String tag : p.tags()) {
                for (String w : ChatText.words(tag)) {
                    if (!Language.isAnyStopword(w)) {
                        tf.merge(w, 2, Integer::sum);
                    }
                }
            }
            counts.add(tf);
            tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
        }
        // per term: the posts holding it and their weights; each post's vector normalised to unit length
        int[][] termsOf = new int[n][];
        double[][] weightsOf = new double[n][];
        Map<String, Integer> termIds = new HashMap<>();
        List<List<Integer>> postingsById = new ArrayList<>();
        List<List<Double>> weightsById = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> ids = new ArrayList<>();
            List<Double> ws = new ArrayList<>();
            double norm = 0;
            for (Map.Entry<String, Integer> e : counts.get(i).entrySet()) {
                int d = df.get(e.getKey());
                if (d < 2 || d * 2 > n || d > Math.max(MAX_DF, n / 10)) {
                    continue;
                }
                double w = (1 + Math.log(e.getValue())) * Math.log((double) n / d);
                ids.add(termIds.computeIfAbsent(e.getKey(), t -> {
                    postingsById.add(new ArrayList<>());
                    weightsById.add(new ArrayList<>());
                    return postingsById.size() - 1;
                }));
                ws.add(w);
                norm += w * w;
            }
            termsOf[i] = ids.stream().mapToInt(Integer::intValue).toArray();
            weightsOf[i] = new double[ws.size()];
            for (int j = 0; j < ws.size(); j++) {
                weightsOf[i][j] = ws.get(j) / Math.sqrt(norm);
                postingsById.get(termsOf[i][j]).add(i);
                weightsById.get(termsOf[i][j]).add(weightsOf[i][j]);
            }
        }
        int[][] postings = new int[postingsById.size()][];
        double[][] postingWeights = new double[postingsById.size()][];
        for (int t = 0; t < postings.length; t++) {
            postings[t] = postingsById.get(t).stream().mapToInt(Integer::intValue).toArray();
            postingWeights[t] = weightsById.get(t).stream().mapToDouble(Double::doubleValue).toArray();
        }
        double[] score = new double[n];
        int[] touched = new int[n];
        List<Match> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int touchedCount = 0;
            for (int j = 0; j < termsOf[i].length; j++) {
                int[] post = postings[termsOf[i][j]];
                double[] weight = postingWeights[termsOf[i][j]];
                double wi = weightsOf[i][j];
                for (int p = 0; p < post.length; p++) {
                    int other = post[p];
                    if (other == i) {
                        continue;
                    }
                    if (score[other] == 0) {
                        touched[touchedCount++] = other;
                    }
                    score[other] += wi * weight[p];
                }
            }
            // the k best by (score desc, index asc = id asc): insertion into a k-slot array, no full sort
            int[] best = new int[k];
            int found = 0;
            for (int t = 0; t < touchedCount; t++) {
                int other = touched[t];
                if (found == k && !better(score, other, best[k - 1])) {
                    continue;
                }
                int at = found < k ? found++ : k - 1;
                while (at > 0 && better(score, other, best[at - 1])) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = other;
            }
            List<Neighbour> neighbours = new ArrayList<>(found);
            for (int b = 0; b < found; b++) {
                neighbours.add(new Neighbour(sorted.get(best[b]).id(), Math.min(1.0, score[best[b]])));
            }
            for (int t = 0; t < touchedCount; t++) {
                score[touched[t]] = 0;
            }
            if (found > 0) {
                out.add(new Match(sorted.get(i).id(), List.copyOf(neighbours)));
            }
        }
        return out;
    }
}
