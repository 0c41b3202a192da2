package dev.egregora.core.port;

import dev.egregora.core.model.Message;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.store.Workspace;

import java.util.List;

/**
 * Writes one post from one window. Implementations are thread-safe (the pipeline calls {@link #write} in parallel
 * across windows) and see pseudonyms only. A failure is thrown as an exception; the pipeline records it for that
 * window and goes on with the others.
 */
public interface PostWriter {

    /**
     * Called once per run, before any {@link #write}, with every publishable message of the chat in time order (opted-out
     * authors and commands already removed), so a writer can learn chat-wide statistics (document frequencies for
     * TF-IDF, the chat's language). The default does nothing.
     */
    default void prepare(List<Message> chat) {
    }

    /**
     * Called once per run, before any {@link #prepare}, with the run's workspace, so a writer with contextual memory
     * can read the posts and profiles of earlier runs. The default does nothing.
     */
    default void open(Workspace workspace) {
    }

    /**
     * Called on the pipeline's thread after each batch of posts is committed (in window order), so windows written
     * later in the run can refer to them. The default does nothing.
     */
    default void committed(List<Post> posts) {
    }

    Post write(WindowContent content);

    /** Everything of this writer's configuration that changes its output (model, prompt version, options). */
    String fingerprint();

    /**
     * Model tokens the last {@link #write} of this window used, for the run journal; {@code {0, 0}} for writers that
     * use no model (the default) or answered from a cache.
     */
    default long[] tokens(String windowId) {
        return new long[] {0, 0};
    }
}
