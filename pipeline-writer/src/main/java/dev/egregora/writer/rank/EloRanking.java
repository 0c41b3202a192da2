package dev.egregora.writer.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates pairwise judgements into Elo ratings, as the original's {@code top} command does with an LLM judge:
 * Swiss-style rounds (posts sorted by current rating, neighbours paired), K-factor updates from 1500. The judge is any
 * {@link Judge}; with a model configured it is a model comparing two posts. Deterministic for a deterministic judge.
 */
public final class EloRanking {
    /** Which of two posts is better. */
    @FunctionalInterface
    public interface Judge {
        /** 1.0 if {@code a} wins, 0.0 if {@code b} wins, 0.5 for a tie. */
        double compare(String a, String b);
    }

    public static final double INITIAL = 1500;
    private final double k;
    private final int rounds;

    public EloRanking(double k, int rounds) {
        if (k <= 0 || rounds < 1) {
            throw new IllegalArgumentException("invalid Elo settings: k=" + k + ", rounds=" + rounds);
        }
        this.k = k;
        this.rounds = rounds;
    }

    /** Ratings of {@code postIds} after the rounds, best first (ties by id). */
    public List<Map.Entry<String, Double>> rate(List<String> postIds, Judge judge) {
        Objects.requireNonNull(judge, "judge");
        Map<String, Double> rating = new HashMap<>();
        postIds.forEach(id -> rating.put(id, INITIAL));
        List<String> order = new ArrayList<>(postIds);
        for (int round = 0; round < rounds; round++) {
            order.sort(Comparator.comparingDouble((String id) -> -rating.get(id)).thenComparing(id -> id));
            int offset = round % 2; // alternate pairings so the same neighbours do not always meet
            for (int i = offset; i + 1 < order.size(); i += 2) {
                String a = order.get(i);
                String b = order.get(i + 1);
                double result = judge.compare(a, b);
                double expected = 1 / (1 + Math.pow(10, (rating.get(b) - rating.get(a)) / 400));
                rating.put(a, rating.get(a) + k * (result - expected));
                rating.put(b, rating.get(b) - k * (result - expected));
            }
        }
        List<Map.Entry<String, Double>> out = new ArrayList<>(rating.entrySet());
        out.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }
}
