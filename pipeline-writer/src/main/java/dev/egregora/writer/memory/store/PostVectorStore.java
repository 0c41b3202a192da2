package dev.egregora.writer.memory.store;

import dev.egregora.core.store.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code post_vectors} table: one {@code FLOAT[384]} embedding per post with the hash of the text it was computed
 * from; nearest neighbours by {@code array_cosine_similarity}. Calls are serialised on the workspace connection.
 */
public final class PostVectorStore {
    public static final int DIMENSIONS = 384;

    /** One stored vector. */
    public record Row(String postId, String textHash, float[] vector) {
    }

    /** A post and its cosine similarity to the query. */
    public record Neighbour(String postId, double similarity) {
    }

    private final Workspace workspace;

    public PostVectorStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** post id -> text hash of every stored vector. */
    public synchronized Map<String, String> hashes() {
        return workspace.inTransaction(c -> {
            Map<String, String> out = new HashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT post_id, text_hash FROM post_vectors")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Every stored vector, by post id. */
    public synchronized Map<String, float[]> vectors() {
        return workspace.inTransaction(c -> {
            Map<String, float[]> out = new HashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT post_id, vector FROM post_vectors")) {
                while (rs.next()) {
                    Object[] values = (Object[]) rs.getArray(2).getArray();
                    float[] v = new float[values.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = ((Number) values[i]).floatValue();
                    }
                    out.put(rs.getString(1), v);
                }
            }
            return out;
        });
    }

    /** Replaces the vectors of these posts and drops vectors of posts that no longer exist, atomically. */
    public synchronized void upsert(List<Row> rows) {
        workspace.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM post_vectors WHERE post_id = ?")) {
                for (Row r : rows) {
                    del.setString(1, r.postId());
                    del.addBatch();
                }
                if (!rows.isEmpty()) {
                    del.executeBatch();
                }
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM post_vectors WHERE post_id NOT IN (SELECT id FROM posts)");
            }
            workspace.append("post_vectors", a -> {
                for (Row r : rows) {
                    if (r.vector().length != DIMENSIONS) {
                        throw new IllegalArgumentException("vector of " + r.postId() + " has " + r.vector().length
                                + " dimensions, not " + DIMENSIONS);
                    }
                    a.beginRow().append(r.postId()).append(r.textHash()).append(r.vector()).endRow();
                }
                return rows.size();
            });
            return null;
        });
    }

    /**
     * The {@code k} posts most similar to {@code query}, best first, among posts dated before {@code before} (null: any
     * date), leaving out {@code excludeId} (may be null).
     */
    public synchronized List<Neighbour> nearest(float[] query, int k, Instant before, String excludeId) {
        return workspace.inTransaction(c -> {
            String sql = "SELECT v.post_id, array_cosine_similarity(v.vector, ?::FLOAT[" + DIMENSIONS + "]) AS sim "
                    + "FROM post_vectors v JOIN posts p ON p.id = v.post_id "
                    + "WHERE (? IS NULL OR p.date < ?) AND v.post_id IS DISTINCT FROM ? "
                    + "ORDER BY sim DESC, v.post_id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, array(c, query));
                Object ts = before == null ? null : LocalDateTime.ofInstant(before, ZoneOffset.UTC);
                ps.setObject(2, ts);
                ps.setObject(3, ts);
                ps.setString(4, excludeId);
                ps.setInt(5, k);
                return neighbours(ps);
            }
        });
    }

    /** The {@code k} posts most similar to the stored vector of {@code postId} (for "related posts"), best first. */
    public synchronized List<Neighbour> related(String postId, int k) {
        return workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT o.post_id, array_cosine_similarity(o.vector, q.vector) AS sim "
                            + "FROM post_vectors q JOIN post_vectors o ON o.post_id <> q.post_id "
                            + "WHERE q.post_id = ? ORDER BY sim DESC, o.post_id LIMIT ?")) {
                ps.setString(1, postId);
                ps.setInt(2, k);
                return neighbours(ps);
            }
        });
    }

    private static List<Neighbour> neighbours(PreparedStatement ps) throws SQLException {
        List<Neighbour> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Neighbour(rs.getString(1), rs.getDouble(2)));
            }
        }
        return out;
    }

    private static java.sql.Array array(Connection c, float[] v) throws SQLException {
        Float[] boxed = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            boxed[i] = v[i];
        }
        return c.createArrayOf("FLOAT", boxed);
    }


}
