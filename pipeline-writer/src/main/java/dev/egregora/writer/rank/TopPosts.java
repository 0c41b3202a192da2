package dev.egregora.writer.rank;

import dev.egregora.core.port.PostStage;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.rank.store.PostRankStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The write pipeline's {@code rank} stage and {@code egregora top}'s store side: keeps core's {@code post_ranks} up to
 * date. Each run writes the {@link OfflineRank} of every post, except that a model's Elo ranking
 * ({@code egregora top --judge}) is kept while it still covers exactly the current posts (it cost model calls; new or
 * removed posts make it stale and the offline ranking takes over again).
 */
public final class TopPosts implements PostStage {
    public static final String OFFLINE = "offline";
    public static final String ELO = "elo";

    private final OfflineRank offline;

    public TopPosts(OfflineRank offline) {
        this.offline = offline;
    }

    @Override
    public String name() {
        return "rank";
    }

    @Override
    public long run(Workspace workspace) {
        PostRankStore store = new PostRankStore(workspace);
        if (ELO.equals(store.currentMethod())) {
            return 0;
        }
        List<RankedPost> ranked = offline.rank(workspace);
        List<PostRankStore.Row> rows = new ArrayList<>(ranked.size());
        for (RankedPost r : ranked) {
            rows.add(new PostRankStore.Row(r.postId(), r.slug(), r.title(), r.score(), r.rank(), OFFLINE));
        }
        store.replace(rows);
        return rows.size();
    }

    /** Stores an Elo ranking (best first, as {@link EloRanking#rate} returns it) in place of the current one. */
    public static void storeElo(Workspace workspace, List<Map.Entry<String, Double>> ratings) {
        List<PostRankStore.Row> rows = new ArrayList<>(ratings.size());
        for (Map.Entry<String, Double> e : ratings) {
            rows.add(new PostRankStore.Row(e.getKey(), null, null, e.getValue(), rows.size() + 1, ELO));
        }
        new PostRankStore(workspace).replace(rows);
    }
}
