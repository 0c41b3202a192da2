package dev.egregora.writer.rank.store;

import dev.egregora.core.store.Workspace;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Core's {@code post_ranks} table: written by the ranking stage and {@code egregora top}, read by the site. */
public final class PostRankStore {
    /** One row of {@code post_ranks}, joined with the post's slug and title for printing. */
    public record Row(String postId, String slug, String title, double score, int rank, String method) {
    }

    private final Workspace workspace;

    public PostRankStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Every ranked post that still exists, best first. */
    public List<Row> ranks() {
        return workspace.inTransaction(c -> {
            List<Row> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT r.post_id, p.slug, p.title, r.score, r.rank, r.method FROM post_ranks r "
                            + "JOIN posts p ON p.id = r.post_id ORDER BY r.rank, r.post_id")) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                            rs.getInt(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    /** The method of the stored ranks when they cover exactly the current posts, else null (stale or empty). */
    public String currentMethod() {
        return workspace.inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT min(r.method), count(DISTINCT r.method), count(*), count(r.post_id), count(p.id) "
                            + "FROM post_ranks r FULL OUTER JOIN posts p ON p.id = r.post_id")) {
                rs.next();
                boolean exact = rs.getLong(2) == 1 && rs.getLong(3) == rs.getLong(4) && rs.getLong(3) == rs.getLong(5);
                return exact ? rs.getString(1) : null;
            }
        });
    }

    /** Replaces every row with {@code rows} (already ranked 1..n). */
    public void replace(List<Row> rows) {
        workspace.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM post_ranks");
            }
            return workspace.append("post_ranks", a -> {
                for (Row r : rows) {
                    a.beginRow().append(r.postId()).append(r.score()).append(r.rank()).append(r.method()).endRow();
                }
                return rows.size();
            });
        });
    }
}
