package dev.egregora.writer.rank;

import dev.egregora.core.store.Workspace;
import dev.egregora.writer.rank.store.PostSignalStore;
import dev.egregora.writer.rank.store.PostSignalStore.Signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "Top posts" without a model: each post scores a weighted sum of log-damped signals of its window (participants,
 * speaker turns as a proxy for replies, media, messages, text volume), so one long monologue does not beat a lively
 * exchange. Deterministic (ties by post id). Immutable, thread-safe.
 */
public final class OfflineRank {
    /** Weights of {@code ln(1 + signal)}; {@code bytes} are counted per 100. */
    public record Weights(double participants, double turns, double media, double messages, double bytes) {
        public static final Weights DEFAULTS = new Weights(2.0, 1.0, 0.8, 0.5, 0.3);
    }

    private final Weights weights;

    public OfflineRank() {
        this(Weights.DEFAULTS);
    }

    public OfflineRank(Weights weights) {
        this.weights = weights;
    }

    /** Every post of the workspace, best first. */
    public List<RankedPost> rank(Workspace workspace) {
        return rank(new PostSignalStore(workspace).signals());
    }

    public double score(Signals s) {
        return weights.participants() * Math.log1p(s.participants()) + weights.turns() * Math.log1p(s.turns())
                + weights.media() * Math.log1p(s.media()) + weights.messages() * Math.log1p(s.messages())
                + weights.bytes() * Math.log1p(s.bytes() / 100.0);
    }

    List<RankedPost> rank(List<Signals> signals) {
        List<Signals> sorted = new ArrayList<>(signals);
        sorted.sort(Comparator.comparingDouble((Signals s) -> -score(s)).thenComparing(Signals::postId));
        List<RankedPost> out = new ArrayList<>(sorted.size());
        for (Signals s : sorted) {
            out.add(new RankedPost(out.size() + 1, s.postId(), s.slug(), s.title(), score(s)));
        }
        return out;
    }
}
