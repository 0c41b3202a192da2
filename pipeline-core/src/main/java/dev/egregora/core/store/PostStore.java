package dev.egregora.core.store;

import dev.egregora.core.model.Post;
import dev.egregora.core.model.Profile;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes posts, profiles and the window journal; each call is one transaction. */
public final class PostStore {
    private final Workspace workspace;

    public PostStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** slug -> post id of every stored post. */
    public Map<String, String> slugs() {
        return workspace.inTransaction(c -> {
            Map<String, String> out = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT slug, id FROM posts")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Ids of stored posts. */
    public List<String> postIds() {
        return workspace.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM posts")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * Replaces the given posts (by id) and records every outcome of the batch, atomically: one {@code DELETE} of the
     * batch's ids, then the rows through DuckDB's appender (a prepared {@code INSERT} per post cost ~2 ms each).
     */
    public void commit(List<Post> posts, List<JournalStore.Outcome> outcomes, String runId, Instant now) {
        workspace.inTransaction(c -> {
            deleteIds(c, "DELETE FROM posts WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                    posts.stream().map(Post::id).toList());
            workspace.append("posts", a -> {
                for (Post p : posts) {
                    a.beginRow().append(p.id()).append(p.slug()).append(p.signature()).append(p.title())
                            .append(p.summary()).append(JournalStore.utc(p.date()))
                            .append(JournalStore.utc(p.endDate())).append(p.tags()).append(p.authorIds())
                            .append(p.mediaIds()).append(p.language()).append(p.bodyMarkdown()).append(p.writer())
                            .endRow();
                }
                return posts.size();
            });
            JournalStore.record(workspace, c, outcomes, runId, now);
            return null;
        });
    }

    /** Runs a {@code DELETE ... IN (SELECT unnest(?))} with {@code ids} as its one array parameter. */
    static void deleteIds(Connection c, String sql, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement del = c.prepareStatement(sql)) {
            del.setArray(1, array(c, ids));
            del.executeUpdate();
        }
    }

    /** Drops posts and journal entries of windows that no longer exist. Returns the posts removed. */
    public long removeOrphans() {
        return workspace.inTransaction(c -> {
            long removed;
            try (Statement st = c.createStatement()) {
                removed = st.executeUpdate("DELETE FROM posts WHERE id NOT IN (SELECT id FROM windows)");
                st.executeUpdate("DELETE FROM window_journal WHERE window_id NOT IN (SELECT id FROM windows)");
            }
            return removed;
        });
    }

    /** Every stored post (for profiles), in date order. */
    public List<Post> posts() {
        return workspace.inTransaction(c -> {
            List<Post> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, slug, signature, title, summary, epoch_us(date), epoch_us(end_date), tags, "
                            + "author_ids, media_ids, language, body_md, writer FROM posts ORDER BY date, id")) {
                while (rs.next()) {
                    out.add(new Post(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), ChatStore.micros(rs.getLong(6)), ChatStore.micros(rs.getLong(7)),
                            strings(rs.getArray(8)), strings(rs.getArray(9)), strings(rs.getArray(10)),
                            rs.getString(11), rs.getString(12), rs.getString(13)));
                }
            }
            return out;
        });
    }

    /**
     * Replaces the whole profiles table: one DELETE and DuckDB's appender (a prepared single-row INSERT per author
     * took 22 s for 20k authors and 392 s for 100k, reliability finding F7).
     */
    public void replaceProfiles(List<Profile> profiles) {
        workspace.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM profiles");
            }
            workspace.append("profiles", a -> {
                for (Profile p : profiles) {
                    a.beginRow().append(p.authorId()).append(p.pseudonym()).append(p.messageCount())
                            .append(JournalStore.utc(p.firstTs())).append(JournalStore.utc(p.lastTs()))
                            .append(p.hours()).append(p.topWords()).append(p.topEmoji()).append(p.postIds())
                            .append(p.bodyMarkdown()).endRow();
                }
                return profiles.size();
            });
            return null;
        });
    }

    private static Array array(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("VARCHAR", values.toArray());
    }

    private static List<String> strings(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(String.valueOf(v));
        }
        return out;
    }
}
