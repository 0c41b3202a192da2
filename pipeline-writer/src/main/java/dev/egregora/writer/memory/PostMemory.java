package dev.egregora.writer.memory;

import dev.egregora.core.model.Ids;
import dev.egregora.core.model.Post;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.store.PostVectorStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Contextual memory: every post embedded locally ({@link PostEmbedder}) into {@code post_vectors (FLOAT[384])}; the
 * k nearest earlier posts of a window (what an LLM writer is told about) and the k most related posts of a post (the
 * site's "related posts", by {@code array_cosine_similarity} in DuckDB). {@link ContextMemory} reads the same vectors
 * for an LLM writer; {@link RelatedPosts} runs {@link #index()} after each write. Thread-safe.
 */
public final class PostMemory {
    public static final Migration MIGRATION = new Migration("writer-memory", 1, "post vectors for contextual memory",
            "CREATE TABLE post_vectors (post_id VARCHAR NOT NULL PRIMARY KEY, text_hash VARCHAR NOT NULL, "
                    + "vector FLOAT[" + PostVectorStore.DIMENSIONS + "] NOT NULL)");

    /** One related post and how similar it is (cosine, -1..1). */
    public record Related(String postId, double similarity) {
    }

    private final Workspace workspace;
    private final PostEmbedder embedder;
    private final PostVectorStore store;

    public PostMemory(Workspace workspace, PostEmbedder embedder) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.store = new PostVectorStore(workspace);
    }

    /**
     * Embeds the posts that are new or changed since the last call (by text hash) and drops vectors of removed posts.
     * Returns how many posts were embedded.
     */
    public int index() {
        List<Post> all = new PostStore(workspace).posts();
        Map<String, String> known = store.hashes();
        List<Post> todo = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (Post p : all) {
            String text = PostEmbedder.text(p);
            String hash = Ids.sha256Hex(text);
            if (!hash.equals(known.get(p.id()))) {
                todo.add(p);
                texts.add(text);
                hashes.add(hash);
            }
        }
        List<PostVectorStore.Row> rows = new ArrayList<>(todo.size());
        if (!todo.isEmpty()) {
            List<float[]> vectors = embedder.embedAll(texts);
            for (int i = 0; i < todo.size(); i++) {
                rows.add(new PostVectorStore.Row(todo.get(i).id(), hashes.get(i), vectors.get(i)));
            }
        }
        store.upsert(rows);
        return rows.size();
    }

    /** The {@code k} stored posts most similar to {@code postId}, best first (empty when it has no vector). */
    public List<Related> related(String postId, int k) {
        return store.related(postId, k).stream().map(n -> new Related(n.postId(), n.similarity())).toList();
    }
}
