package dev.egregora.site.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Author;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Profile;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.content.Catalog;
import dev.egregora.site.content.PostEntry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All of the site generator's database access: bulk reads of {@code posts}, {@code authors}, {@code profiles},
 * {@code media} (never {@code authors.real_name}), and the module's own search-term cache table. Every read
 * is one query, never one per post.
 */
public final class SiteStore {
    /** The module's migration (tables {@code site_manifest}, {@code site_search_terms}). */
    public static final Migration MIGRATION = new Migration("site-generator", 1, "search terms cache",
            CoreSchema.sqlResource(SiteStore.class, "site-v1.sql"));

    private static final int IN_LIST_LIMIT = 500;

    private final Workspace workspace;

    public SiteStore(Workspace workspace) {
        this.workspace = workspace;
    }

    private Connection c() {
        return workspace.connection();
    }

    /** The number of best ranked posts read from {@code post_ranks} (the home page's "top posts"). */
    public static final int TOP_POSTS = 5;

    /**
     * Posts (metadata and content hash, newest first), authors, profiles, media, related posts, the top ranked
     * posts and "continues" references, in seven queries.
     */
    public Catalog loadCatalog() {
        return loadCatalog(new HashMap<>());
    }

    /**
     * Like {@link #loadCatalog()}, reusing the metadata of posts from an earlier build: the posts query reads only
     * ids and content hashes, then the full metadata of the posts that are new or changed (one more query). Reading
     * every column of 10k posts through JDBC costs ~60 ms CPU, ids and hashes ~15 ms. {@code known} (post id to
     * entry) is updated in place to the current posts.
     */
    public Catalog loadCatalog(Map<String, PostEntry> known) {
        try {
            return new Catalog(loadPosts(known), loadAuthors(), loadProfiles(), loadMedia(), loadRelated(),
                    loadTop(), loadContinues());
        } catch (SQLException e) {
            throw new EgregoraException("cannot read the site's posts: " + e.getMessage(), e);
        }
    }

    private static final String CONTENT_HASH = "CAST(hash(id, slug, signature, title, summary, date, end_date, tags,"
            + " author_ids, media_ids, language, body_md, writer) AS VARCHAR)";

    private List<PostEntry> loadPosts(Map<String, PostEntry> known) throws SQLException {
        List<String[]> order = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Statement st = c().createStatement();
             ResultSet rs = st.executeQuery("SELECT id, " + CONTENT_HASH + " FROM posts ORDER BY date DESC, id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                String hash = rs.getString(2);
                order.add(new String[] {id, hash});
                PostEntry e = known.get(id);
                if (e == null || !e.contentHash().equals(hash)) {
                    missing.add(id);
                }
            }
        }
        Map<String, PostEntry> fresh = new HashMap<>(known);
        if (!missing.isEmpty()) {
            loadEntries(missing).forEach(e -> fresh.put(e.id(), e));
        }
        List<PostEntry> posts = new ArrayList<>(order.size());
        known.clear();
        for (String[] o : order) {
            PostEntry e = fresh.get(o[0]);
            if (e == null || !e.contentHash().equals(o[1])) {
                // changed between the two queries: read everything again, consistently, in one query
                known.clear();
                return loadEntries(null).stream().peek(x -> known.put(x.id(), x)).toList();
            }
            posts.add(e);
            known.put(e.id(), e);
        }
        return posts;
    }

    /**
     * Metadata of the given posts (all when {@code ids} is null), as one string per post (fields joined with
     * U+001E, list items with U+001F, so one JDBC value per row instead of eleven) plus the two timestamps. The
     * content hash is DuckDB's 64-bit {@code hash()} over every column: computed in the database, in parallel,
     * without shipping bodies to Java.
     */
    private List<PostEntry> loadEntries(Collection<String> ids) throws SQLException {
        String sql = "SELECT epoch_us(date), epoch_us(end_date), concat_ws(chr(30), id, " + clean("slug") + ", "
                + clean("title") + ", " + clean("summary") + ", " + cleanList("tags") + ", " + cleanList("author_ids")
                + ", " + cleanList("media_ids") + ", " + clean("language") + ", " + CONTENT_HASH + ")"
                + " FROM posts";
        boolean filter = ids != null && ids.size() <= IN_LIST_LIMIT;
        if (filter) {
            sql += " WHERE id IN (" + "?,".repeat(ids.size() - 1) + "?)";
        }
        Set<String> wanted = ids == null || filter ? null : Set.copyOf(ids);
        List<PostEntry> posts = new ArrayList<>(ids == null ? 1024 : Math.min(ids.size(), 1024));
        try (PreparedStatement ps = c().prepareStatement(sql + " ORDER BY date DESC, id")) {
            if (filter) {
                int i = 1;
                for (String id : ids) {
                    ps.setString(i++, id);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                String[] f = new String[9];
                while (rs.next()) {
                    String row = rs.getString(3);
                    int from = 0;
                    for (int k = 0; k < 8; k++) {
                        int to = row.indexOf('\u001e', from);
                        f[k] = row.substring(from, to);
                        from = to + 1;
                    }
                    f[8] = row.substring(from);
                    if (wanted != null && !wanted.contains(f[0])) {
                        continue;
                    }
                    posts.add(new PostEntry(f[0], f[1], f[2], f[3], micros(rs.getLong(1)), micros(rs.getLong(2)),
                            split(f[4]), split(f[5]), split(f[6]), f[7], f[8]));
                }
            }
        }
        return posts;
    }

    private Map<String, Author> loadAuthors() throws SQLException {
        Map<String, Author> authors = new HashMap<>();
        try (Statement st = c().createStatement();
             ResultSet rs = st.executeQuery("SELECT id, pseudonym, alias, opted_out FROM authors")) {
            while (rs.next()) {
                authors.put(rs.getString(1), new Author(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)));
            }
        }
        return authors;
    }

    private Map<String, Profile> loadProfiles() throws SQLException {
        Map<String, Profile> profiles = new HashMap<>();
        // post_ids is not read: the site lists an author's posts from posts.author_ids (one source of truth)
        String sql = "SELECT author_id, pseudonym, message_count, epoch_us(first_ts), epoch_us(last_ts), hours,"
                + " top_words, top_emoji, body_md FROM profiles";
        try (Statement st = c().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<Integer> hours = new ArrayList<>();
                Array a = rs.getArray(6);
                for (Object o : (Object[]) a.getArray()) {
                    hours.add(o == null ? 0 : ((Number) o).intValue());
                }
                profiles.put(rs.getString(1), new Profile(rs.getString(1), rs.getString(2), rs.getLong(3),
                        micros(rs.getLong(4)), micros(rs.getLong(5)), hours, strings(rs.getArray(7)),
                        strings(rs.getArray(8)), List.of(), rs.getString(9)));
            }
        }
        return profiles;
    }

    private Map<String, MediaItem> loadMedia() throws SQLException {
        Map<String, MediaItem> media = new HashMap<>();
        try (Statement st = c().createStatement();
             ResultSet rs = st.executeQuery("SELECT id, file_name, rel_path, mime, kind, bytes FROM media")) {
            while (rs.next()) {
                media.put(rs.getString(1), new MediaItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6)));
            }
        }
        return media;
    }

    /**
     * {@code related_posts} as post id to related ids, best rank first; one row per post (ids joined in SQL), only
     * for related posts that still exist.
     */
    private Map<String, List<String>> loadRelated() throws SQLException {
        Map<String, List<String>> related = new HashMap<>();
        String sql = "SELECT r.post_id, string_agg(r.related_id, chr(31) ORDER BY r.rank, r.related_id)"
                + " FROM related_posts r WHERE r.related_id <> r.post_id AND r.related_id IN (SELECT id FROM posts)"
                + " GROUP BY r.post_id";
        try (Statement st = c().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                related.put(rs.getString(1), split(rs.getString(2)));
            }
        }
        return related;
    }

    /** {@code post_continues}: post id to the id of the earlier post it continues, both existing. */
    private Map<String, String> loadContinues() throws SQLException {
        Map<String, String> continues = new HashMap<>();
        String sql = "SELECT c.post_id, c.continues_id FROM post_continues c WHERE c.post_id IN (SELECT id FROM posts)"
                + " AND c.continues_id IN (SELECT id FROM posts)";
        try (Statement st = c().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                continues.put(rs.getString(1), rs.getString(2));
            }
        }
        return continues;
    }

    /** Ids of the {@link #TOP_POSTS} best ranked existing posts ({@code post_ranks}, rank 1 first). */
    private List<String> loadTop() throws SQLException {
        List<String> top = new ArrayList<>();
        String sql = "SELECT r.post_id FROM post_ranks r WHERE r.post_id IN (SELECT id FROM posts)"
                + " ORDER BY r.rank, r.score DESC, r.post_id LIMIT " + TOP_POSTS;
        try (Statement st = c().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                top.add(rs.getString(1));
            }
        }
        return top;
    }

    /** Markdown bodies of the given posts, by id: one query (all bodies, filtered, when the set is large). */
    public Map<String, String> loadBodies(Collection<String> ids) {
        Map<String, String> bodies = new HashMap<>();
        if (ids.isEmpty()) {
            return bodies;
        }
        try {
            if (ids.size() > IN_LIST_LIMIT) {
                Set<String> wanted = Set.copyOf(ids);
                try (Statement st = c().createStatement();
                     ResultSet rs = st.executeQuery("SELECT id, body_md FROM posts")) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (wanted.contains(id)) {
                            bodies.put(id, rs.getString(2));
                        }
                    }
                }
                return bodies;
            }
            StringBuilder sql = new StringBuilder("SELECT id, body_md FROM posts WHERE id IN (");
            for (int i = 0; i < ids.size(); i++) {
                sql.append(i == 0 ? "?" : ",?");
            }
            sql.append(')');
            try (PreparedStatement ps = c().prepareStatement(sql.toString())) {
                int i = 1;
                for (String id : ids) {
                    ps.setString(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bodies.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return bodies;
        } catch (SQLException e) {
            throw new EgregoraException("cannot read post bodies: " + e.getMessage(), e);
        }
    }

    /** All cached search terms: post id to {@code [contentHash, terms]}. */
    public Map<String, String[]> loadSearchTerms() {
        Map<String, String[]> terms = new HashMap<>();
        try (Statement st = c().createStatement();
             ResultSet rs = st.executeQuery("SELECT post_id, content_hash, terms FROM site_search_terms")) {
            while (rs.next()) {
                terms.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot read search terms: " + e.getMessage(), e);
        }
        return terms;
    }

    /**
     * Updates the cached search terms in one transaction: rows of {@code stale} post ids are deleted and
     * {@code fresh} rows appended; when many are stale the table is rewritten from {@code keep} plus {@code fresh}.
     */
    public void saveSearchTerms(Map<String, String[]> keep, Collection<String> stale, Map<String, String[]> fresh) {
        if (stale.isEmpty() && fresh.isEmpty()) {
            return;
        }
        boolean rewrite = stale.size() > IN_LIST_LIMIT;
        workspace.inTransaction(conn -> {
            if (rewrite) {
                try (Statement st = conn.createStatement()) {
                    st.execute("DELETE FROM site_search_terms");
                }
            } else if (!stale.isEmpty()) {
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM site_search_terms WHERE post_id = ?")) {
                    for (String id : stale) {
                        ps.setString(1, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            workspace.append("site_search_terms", a -> {
                int n = 0;
                for (Map<String, String[]> rows : rewrite ? List.of(keep, fresh) : List.of(fresh)) {
                    for (Map.Entry<String, String[]> e : rows.entrySet()) {
                        a.beginRow().append(e.getKey()).append(e.getValue()[0]).append(e.getValue()[1]).endRow();
                        n++;
                    }
                }
                return n;
            });
            return null;
        });
    }

    private static Instant micros(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }

    private static String clean(String column) {
        return "coalesce(translate(" + column + ", chr(30) || chr(31), '  '), '')";
    }

    private static String cleanList(String column) {
        return "coalesce(array_to_string(list_transform(" + column
                + ", x -> translate(x, chr(30) || chr(31), '  ')), chr(31)), '')";
    }

    /** Splits a list joined with U+001F in SQL (list elements never contain control characters). */
    private static List<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        int from = 0;
        for (int i = joined.indexOf('\u001f'); i >= 0; i = joined.indexOf('\u001f', from)) {
            out.add(joined.substring(from, i));
            from = i + 1;
        }
        out.add(joined.substring(from));
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            if (v != null) {
                out.add(v.toString());
            }
        }
        return out;
    }
}
