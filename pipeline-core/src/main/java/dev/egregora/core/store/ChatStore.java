package dev.egregora.core.store;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.model.Window;

import org.duckdb.DuckDBConnection;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads what the writers need in bulk: one query per chat for its publishable messages, one for all authors, one
 * for all media, one for the windows. Never one query per window.
 *
 * <p>Publishable messages are those of kind {@code user} whose author has not opted out, in (ts, seq, id) order; the
 * windows' {@code first_pos}/{@code end_pos} index into exactly this list.
 */
public final class ChatStore {
    private final Workspace workspace;

    public ChatStore(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<String> chatIds() {
        return workspace.inTransaction(connection -> {
            List<String> ids = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DISTINCT chat_id FROM windows ORDER BY chat_id")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** The windows of a chat, in index order. */
    public List<Window> windows(String chatId) {
        return workspace.inTransaction(connection -> {
            List<Window> out = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT id, idx, first_pos, end_pos, epoch_us(start_ts), epoch_us(end_ts), message_count, bytes, "
                            + "signature FROM windows WHERE chat_id = ? ORDER BY idx")) {
                ps.setString(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Window(rs.getString(1), chatId, rs.getInt(2), rs.getLong(3), rs.getLong(4),
                                micros(rs.getLong(5)), micros(rs.getLong(6)), rs.getInt(7), rs.getLong(8),
                                rs.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Every publishable message of a chat, in window-position order. The author comes back as an ordinal into the
     * authors sorted by id (the DuckDB driver makes a Java string of every VARCHAR cell it fetches: one author id
     * string per message cost ~0.5 s of CPU per million messages), and a big chat is fetched as two halves on two
     * connections at once (the other core is otherwise idle while the writers wait for the chat).
     */
    public List<Message> publishableMessages(String chatId) {
        return workspace.inTransaction(connection -> {
            List<String> authorIds = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM authors ORDER BY id")) {
                while (rs.next()) {
                    authorIds.add(rs.getString(1));
                }
            }
            long count;
            try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) " + PUBLISHABLE)) {
                ps.setString(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            if (count < PARALLEL_FETCH_ROWS || !(connection instanceof DuckDBConnection duck)) {
                return fetch(connection, chatId, authorIds, 0, count);
            }
            long half = count / 2;
            try (DuckDBConnection second = duck.duplicate()) {
                CompletableFuture<List<Message>> tail = CompletableFuture.supplyAsync(() -> {
                    try {
                        return fetch(second, chatId, authorIds, half, count - half);
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                });
                List<Message> out = fetch(connection, chatId, authorIds, 0, half);
                try {
                    out.addAll(tail.join());
                } catch (CompletionException e) {
                    if (e.getCause() instanceof SQLException sql) {
                        throw sql;
                    }
                    throw e;
                }
                return out;
            }
        });
    }

    /** Chats with at least this many publishable messages are fetched as two halves in parallel. */
    static final long PARALLEL_FETCH_ROWS = 50_000;

    private static final String PUBLISHABLE = "FROM messages m JOIN authors a ON a.id = m.author_id "
            + "WHERE m.chat_id = ? AND m.kind = 'user' AND NOT a.opted_out";

    /** Rows {@code [offset, offset + limit)} of the chat's publishable messages. */
    private static List<Message> fetch(Connection connection, String chatId, List<String> authorIds, long offset,
                                       long limit) throws SQLException {
        List<Message> out = new ArrayList<>((int) Math.min(limit, Integer.MAX_VALUE - 8) + 1);
        try (PreparedStatement ps = connection.prepareStatement(
                "WITH who AS (SELECT id, opted_out, (row_number() OVER (ORDER BY id) - 1)::INTEGER AS ix FROM authors) "
                        + "SELECT m.id, epoch_us(m.ts), m.seq, who.ix, m.text, m.media_id, m.media_name "
                        + "FROM messages m JOIN who ON who.id = m.author_id "
                        + "WHERE m.chat_id = ? AND m.kind = 'user' AND NOT who.opted_out"
                        + " ORDER BY m.ts, m.seq, m.id LIMIT ? OFFSET ?")) {
            ps.setString(1, chatId);
            ps.setLong(2, limit);
            ps.setLong(3, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Message(rs.getString(1), chatId, micros(rs.getLong(2)), rs.getLong(3),
                            authorIds.get(rs.getInt(4)), MessageKind.USER, rs.getString(5), rs.getString(6),
                            rs.getString(7)));
                }
            }
        }
        return out;
    }

    /**
     * All authors by id. With {@code publishRealNames} (the user's explicit choice) the real name becomes the
     * display name unless the author set an alias; otherwise the real name is not even read.
     */
    public Map<String, Author> authors(boolean publishRealNames) {
        return workspace.inTransaction(connection -> {
            Map<String, Author> out = new HashMap<>();
            String sql = "SELECT id, pseudonym, alias, opted_out" + (publishRealNames ? ", real_name" : "")
                    + " FROM authors";
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    String alias = rs.getString(3);
                    if (publishRealNames && (alias == null || alias.isBlank())) {
                        alias = rs.getString(5);
                    }
                    out.put(rs.getString(1), new Author(rs.getString(1), rs.getString(2), alias, rs.getBoolean(4)));
                }
            }
            return out;
        });
    }

    public Map<String, MediaItem> media() {
        return workspace.inTransaction(connection -> {
            Map<String, MediaItem> out = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, file_name, rel_path, mime, kind, bytes FROM media")) {
                while (rs.next()) {
                    out.put(rs.getString(1), new MediaItem(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6)));
                }
            }
            return out;
        });
    }

    static Instant micros(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }
}
