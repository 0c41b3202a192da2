package dev.egregora.writer.memory;

import dev.egregora.core.model.Ids;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.store.AuthorNoteStore;
import dev.egregora.writer.memory.store.AuthorNoteStore.AuthorNote;
import dev.egregora.writer.memory.store.PostVectorStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An LLM writer's memory: the {@code k} earlier posts closest to a window (all-MiniLM-L6-v2 vectors, the same
 * {@code post_vectors} the {@code related} stage uses) and the published profile statistics of its authors.
 *
 * <p>{@link #open} embeds posts of earlier runs that have no vector yet and loads vectors, posts and profiles into
 * memory; {@link #committed} embeds each committed batch and stores its vectors, so windows written later in the same
 * run see it; {@link #recall} (writer threads) embeds the window's text and scans the in-memory vectors, never the
 * database. The snapshot is immutable and swapped atomically. Thread-safe.
 */
public final class ContextMemory implements WriterMemory {
    private record Entry(Post post, float[] vector) {
    }

    private final PostEmbedder embedder;
    private final int k;
    private volatile Workspace workspace;
    private volatile Map<String, Entry> entries = Map.of();
    private volatile Map<String, AuthorNote> notes = Map.of();

    public ContextMemory(PostEmbedder embedder, int k) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.k = k;
    }

    @Override
    public void open(Workspace ws) {
        workspace = ws;
        new PostMemory(ws, embedder).index();
        Map<String, float[]> vectors = new PostVectorStore(ws).vectors();
        Map<String, Entry> loaded = new HashMap<>();
        for (Post p : new PostStore(ws).posts()) {
            float[] v = vectors.get(p.id());
            if (v != null) {
                loaded.put(p.id(), new Entry(p, v));
            }
        }
        entries = Map.copyOf(loaded);
        notes = Map.copyOf(new AuthorNoteStore(ws).notes());
    }

    @Override
    public void committed(List<Post> posts) {
        if (posts.isEmpty() || workspace == null) {
            return;
        }
        List<String> texts = posts.stream().map(PostEmbedder::text).toList();
        List<float[]> vectors = embedder.embedAll(texts);
        List<PostVectorStore.Row> rows = new ArrayList<>(posts.size());
        Map<String, Entry> next = new HashMap<>(entries);
        for (int i = 0; i < posts.size(); i++) {
            rows.add(new PostVectorStore.Row(posts.get(i).id(), Ids.sha256Hex(texts.get(i)), vectors.get(i)));
            next.put(posts.get(i).id(), new Entry(posts.get(i), vectors.get(i)));
        }
        new PostVectorStore(workspace).upsert(rows);
        entries = Map.copyOf(next);
    }

    @Override
    public Recall recall(WindowContent content) {
        Map<String, AuthorNote> who = new LinkedHashMap<>();
        Map<String, AuthorNote> known = notes;
        content.authors().keySet().stream().sorted().forEach(id -> {
            if (known.containsKey(id)) {
                who.put(id, known.get(id));
            }
        });
        Map<String, Entry> snapshot = entries;
        if (k == 0 || snapshot.isEmpty()) {
            return new Recall(List.of(), who);
        }
        float[] query = embedder.embed(windowText(content));
        List<Map.Entry<Entry, Double>> scored = new ArrayList<>();
        for (Entry e : snapshot.values()) {
            if (e.post().date().isBefore(content.window().start()) && !e.post().id().equals(content.window().id())) {
                scored.add(Map.entry(e, cosine(query, e.vector())));
            }
        }
        scored.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Double.compare(b.getValue(), a.getValue())
                : a.getKey().post().id().compareTo(b.getKey().post().id()));
        List<Post> related = scored.stream().limit(k).map(e -> e.getKey().post()).toList();
        return new Recall(related, who);
    }

    /** The window's messages up to the embedder's input length. */
    static String windowText(WindowContent content) {
        StringBuilder sb = new StringBuilder();
        for (Message m : content.messages()) {
            if (sb.length() > PostEmbedder.MAX_CHARS) {
                break;
            }
            sb.append(m.text()).append('\n');
        }
        return sb.length() > PostEmbedder.MAX_CHARS ? sb.substring(0, PostEmbedder.MAX_CHARS) : sb.toString();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
