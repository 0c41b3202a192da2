package dev.egregora.writer.memory;

import dev.egregora.core.port.PostStage;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.store.RelatedPostStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The write pipeline's {@code related} stage: fills core's {@code related_posts} with each post's {@code k} most
 * related posts, by {@link MemorySettings.Method#TERMS} (TF-IDF over title, summary and tags: milliseconds for
 * thousands of posts, the default with the offline writer) or {@link MemorySettings.Method#EMBEDDINGS} (local
 * all-MiniLM-L6-v2 vectors in {@code post_vectors}; only new or changed posts are embedded; the default with an LLM
 * writer, whose memory uses the same vectors). The table is replaced in one transaction per run.
 */
public final class RelatedPosts implements PostStage {
    private final MemorySettings settings;
    private final Supplier<PostEmbedder> embedder;

    public RelatedPosts(MemorySettings settings, Supplier<PostEmbedder> embedder) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    @Override
    public String name() {
        return "related";
    }

    @Override
    public long run(Workspace workspace) {
        RelatedPostStore store = new RelatedPostStore(workspace);
        switch (settings.related()) {
            case OFF:
                store.replace(List.of());
                return 0;
            case EMBEDDINGS:
                new PostMemory(workspace, embedder.get()).index();
                return store.replaceFromVectors(settings.count(), "embeddings");
            default:
                List<RelatedPostStore.Row> rows = new ArrayList<>();
                for (TermSimilarity.Match m : new TermSimilarity().topK(store.texts(), settings.count())) {
                    int rank = 1;
                    for (TermSimilarity.Neighbour n : m.neighbours()) {
                        rows.add(new RelatedPostStore.Row(m.postId(), n.postId(), rank++, n.score(), "tags"));
                    }
                }
                store.replace(rows);
                return rows.size();
        }
    }
}
