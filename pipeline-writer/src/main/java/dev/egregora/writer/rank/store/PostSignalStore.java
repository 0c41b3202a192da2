package dev.egregora.writer.rank.store;

import dev.egregora.core.store.Workspace;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads what the offline ranking scores, per post, from {@code posts}, {@code windows} and {@code messages}. */
public final class PostSignalStore {
    /**
     * @param turns changes of speaker inside the window: a proxy for replies (WhatsApp exports carry no reply links
     *              and no reactions)
     */
    public record Signals(String postId, String slug, String title, int participants, int media, int messages,
                          long bytes, int turns) {
    }

    private static final String SQL = """
            WITH ordered AS (
                SELECT chat_id, author_id,
                       row_number() OVER (PARTITION BY chat_id ORDER BY ts, seq) - 1 AS pos
                FROM messages WHERE kind = 'user'),
            changes AS (
                SELECT chat_id, pos,
                       author_id IS DISTINCT FROM lag(author_id) OVER (PARTITION BY chat_id ORDER BY pos) AS change
                FROM ordered),
            turns AS (
                SELECT w.id, count(*) FILTER (WHERE c.change AND c.pos > w.first_pos) AS turns
                FROM windows w JOIN changes c
                  ON c.chat_id = w.chat_id AND c.pos >= w.first_pos AND c.pos < w.end_pos
                GROUP BY w.id)
            SELECT p.id, p.slug, p.title, len(p.author_ids), len(p.media_ids),
                   coalesce(w.message_count, 0), coalesce(w.bytes, 0), coalesce(t.turns, 0)
            FROM posts p LEFT JOIN windows w ON w.id = p.id LEFT JOIN turns t ON t.id = p.id
            ORDER BY p.date, p.id""";

    private final Workspace workspace;

    public PostSignalStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<Signals> signals() {
        return workspace.inTransaction(c -> {
            List<Signals> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
                while (rs.next()) {
                    out.add(new Signals(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getInt(8)));
                }
            }
            return out;
        });
    }
}
