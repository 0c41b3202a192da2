package dev.egregora.writer.memory.store;

import dev.egregora.core.store.Workspace;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an LLM writer is told about a window's authors: the statistics of their published profiles (written by the
 * previous run's profiles stage). No names: the writer names people by the window's own display names.
 */
public final class AuthorNoteStore {
    /** An author's published statistics. */
    public record AuthorNote(String authorId, long messages, Instant since, List<String> topWords,
                             List<String> topEmoji) {
    }

    private final Workspace workspace;

    public AuthorNoteStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Every profile's note, by author id. */
    public Map<String, AuthorNote> notes() {
        return workspace.inTransaction(c -> {
            Map<String, AuthorNote> out = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT author_id, message_count, epoch_us(first_ts), top_words, top_emoji FROM profiles")) {
                while (rs.next()) {
                    out.put(rs.getString(1), new AuthorNote(rs.getString(1), rs.getLong(2),
                            Instant.EPOCH.plusNanos(rs.getLong(3) * 1000), RelatedPostStore.strings(rs.getArray(4)),
                            RelatedPostStore.strings(rs.getArray(5))));
                }
            }
            return out;
        });
    }
}
