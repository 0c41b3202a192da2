package dev.egregora.writer.memory;

import dev.egregora.core.model.Post;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Local sentence embeddings (all-MiniLM-L6-v2, 384 dimensions, ONNX, shipped inside the Maven artifact: no download,
 * no network). Loading the model takes about a second and some 100 MB of heap, so it is loaded on the first
 * {@link #embed}, not on construction: Guice's production stage builds every singleton up front, and a run that never
 * embeds (the default term similarity) must not pay for it. Build one per process. Thread-safe.
 */
public final class PostEmbedder {
    /** Characters of a post fed to the model (it reads at most 256 word pieces anyway). */
    static final int MAX_CHARS = 1500;

    private volatile EmbeddingModel model;

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = new AllMiniLmL6V2EmbeddingModel();
                    model = m;
                }
            }
        }
        return m;
    }

    /** True once the model has been loaded (by the first embedding). */
    boolean loaded() {
        return model != null;
    }

    /** The text a post is embedded from: title, summary, tags and the start of the body. */
    public static String text(Post p) {
        String t = p.title() + "\n" + p.summary() + "\n" + String.join(", ", p.tags()) + "\n" + p.bodyMarkdown();
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }

    public float[] embed(String text) {
        return model().embed(text.isBlank() ? "(empty)" : text).content().vector();
    }

    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t.isBlank() ? "(empty)" : t));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        model().embedAll(segments).content().forEach(e -> out.add(e.vector()));
        return out;
    }
}
