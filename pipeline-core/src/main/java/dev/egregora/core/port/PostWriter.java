package dev.egregora.core.port;

import dev.egregora.core.model.Post;
import dev.egregora.core.model.WindowContent;

/**
 * Writes one post from one window. Implementations are thread-safe (the pipeline calls them in parallel across
 * windows) and see pseudonyms only. A failure is thrown as an exception; the pipeline records it for that window
 * and goes on with the others.
 */
public interface PostWriter {

    Post write(WindowContent content);

    /** Everything of this writer's configuration that changes its output (model, prompt version, options). */
    String fingerprint();
}
