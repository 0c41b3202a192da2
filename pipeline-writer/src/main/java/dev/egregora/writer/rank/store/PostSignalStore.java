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

    /**
     * Window positions index a chat's publishable messages (kind {@code user}, author not opted out) in
     * {@code (ts, seq, id)} order, as the windowing stage cuts them. A running count of speaker changes per chat turns
     * "changes inside a window" into two equality lookups ({@code cum[end - 1] - cum[first]}), instead of a range
     * join of every message against every window.
     */
    private static final String SQL = """
            WITH ordered AS (
                SELECT m.chat_id, m.author_id,
                       row_number() OVER (PARTITION BY m.chat_id ORDER BY m.ts, m.seq, m.id) - 1 AS pos
                FROM messages m JOIN authors a ON a.id = m.author_id
                WHERE m.kind = 'user' AND NOT a.opted_out),
            flagged AS (
                SELECT chat_id, pos,
                       CASE WHEN author_id IS DISTINCT FROM lag(author_id) OVER (PARTITION BY chat_id ORDER BY pos)
                            THEN 1 ELSE 0 END AS change
                FROM ordered),
            cum AS (
                SELECT chat_id, pos, sum(change) OVER (PARTITION BY chat_id ORDER BY pos
                                                       ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS changes
                FROM flagged),
            turns AS (
                SELECT w.id, (last.changes - first.changes)::INTEGER AS turns
                FROM windows w
                JOIN cum first ON first.chat_id = w.chat_id AND first.pos = w.first_pos
                JOIN cum last ON last.chat_id = w.chat_id AND last.pos = w.end_pos - 1)
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
