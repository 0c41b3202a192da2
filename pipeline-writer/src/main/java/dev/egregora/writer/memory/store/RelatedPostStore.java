package dev.egregora.writer.memory.store;

import dev.egregora.core.store.Workspace;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Core's {@code related_posts} table (written here, read by the site) and the short text of every post that the
 * term similarity compares. Each write replaces the whole table in one transaction.
 */
public final class RelatedPostStore {
    /** What the term similarity reads of a post. */
    public record PostText(String id, String title, String summary, List<String> tags) {
    }

    /** One row of {@code related_posts}. */
    public record Row(String postId, String relatedId, int rank, double score, String method) {
    }

    private final Workspace workspace;

    public RelatedPostStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Title, summary and tags of every post, by id. */
    public List<PostText> texts() {
        return workspace.inTransaction(c -> {
            List<PostText> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, title, summary, tags FROM posts ORDER BY id")) {
                while (rs.next()) {
                    out.add(new PostText(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4))));
                }
            }
            return out;
        });
    }

    /** Replaces every row with {@code rows}. */
    public void replace(List<Row> rows) {
        workspace.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM related_posts");
            }
            return workspace.append("related_posts", a -> {
                for (Row r : rows) {
                    a.beginRow().append(r.postId()).append(r.relatedId()).append(r.rank()).append(r.score())
                            .append(r.method()).endRow();
                }
                return rows.size();
            });
        });
    }

    /**
     * Replaces every row with each stored vector's {@code k} nearest other vectors by cosine similarity, computed in
     * one query; returns the row count.
     */
    public long replaceFromVectors(int k, String method) {
        return workspace.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM related_posts");
                return (long) st.executeUpdate("INSERT INTO related_posts "
                        + "SELECT post_id, related_id, rank, sim, '" + method.replace("'", "") + "' FROM ("
                        + "SELECT q.post_id, o.post_id AS related_id, array_cosine_similarity(q.vector, o.vector) "
                        + "AS sim, row_number() OVER (PARTITION BY q.post_id ORDER BY sim DESC, o.post_id) AS rank "
                        + "FROM post_vectors q JOIN post_vectors o ON o.post_id <> q.post_id "
                        + "QUALIFY rank <= " + k + ")");
            }
        });
    }

    /** The stored related posts of {@code postId}, best first. */
    public List<Row> of(String postId) {
        return workspace.inTransaction(c -> {
            List<Row> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT post_id, related_id, rank, score, method FROM related_posts "
                    + "WHERE post_id = ? ORDER BY rank")) {
                ps.setString(1, postId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4),
                                rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** A SQL {@code VARCHAR[]} as strings (empty for NULL). */
    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
