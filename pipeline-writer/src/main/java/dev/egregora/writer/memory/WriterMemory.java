package dev.egregora.writer.memory;

import dev.egregora.core.model.Post;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.store.AuthorNoteStore.AuthorNote;

import java.util.List;
import java.util.Map;

/**
 * What a writer remembers when it writes a window: related earlier posts and what the blog already knows about the
 * window's authors. {@link #open} and {@link #committed} run on the pipeline's thread (they may use the database);
 * {@link #recall} runs on writer threads and must not touch the database.
 */
public interface WriterMemory {
    /** Related earlier posts, best first, and notes on the window's authors by author id. */
    record Recall(List<Post> related, Map<String, AuthorNote> authors) {
        public static final Recall NONE = new Recall(List.of(), Map.of());

        public Recall {
            related = List.copyOf(related);
            authors = Map.copyOf(authors);
        }
    }

    WriterMemory NONE = content -> Recall.NONE;

    /** Loads what earlier runs left (posts, vectors, profiles). */
    default void open(Workspace workspace) {
    }

    /** Learns posts committed during this run, so later windows can refer to them. */
    default void committed(List<Post> posts) {
    }

    Recall recall(WindowContent content);
}
