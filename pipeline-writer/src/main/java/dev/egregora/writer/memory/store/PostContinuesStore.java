package dev.egregora.writer.memory.store;

import dev.egregora.core.store.Workspace;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Core's {@code post_continues} (core-v3): for a post, the earlier post it continues. Written here, read by the site.
 */
public final class PostContinuesStore {
    private final Workspace workspace;

    public PostContinuesStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * In one transaction: drops the references of posts that changed (another signature) or are gone, and those
     * pointing at a post that is gone; then gives every post without a reference its highest-ranked
     * {@code related_posts} entry dated strictly before it, if any. Returns how many references were added.
     */
    public long update() {
        return workspace.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM post_continues pc WHERE NOT EXISTS (SELECT 1 FROM posts p"
                        + " WHERE p.id = pc.post_id AND p.signature = pc.signature)"
                        + " OR NOT EXISTS (SELECT 1 FROM posts e WHERE e.id = pc.continues_id)");
                return (long) st.executeUpdate("INSERT INTO post_continues"
                        + " SELECT p.id, r.related_id, p.signature FROM posts p"
                        + " JOIN related_posts r ON r.post_id = p.id JOIN posts e ON e.id = r.related_id"
                        + " WHERE e.date < p.date AND p.id NOT IN (SELECT post_id FROM post_continues)"
                        + " QUALIFY row_number() OVER (PARTITION BY p.id ORDER BY r.rank, r.related_id) = 1");
            }
        });
    }

    /** Every stored reference, post id to the id of the post it continues, by post id. */
    public Map<String, String> all() {
        return workspace.inTransaction(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT post_id, continues_id FROM post_continues ORDER BY post_id")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }
}
