package dev.egregora.core.store;

import dev.egregora.core.model.Author;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.model.Window;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Every publishable message of a chat, in window-position order. */
    public List<Message> publishableMessages(String chatId) {
        return workspace.inTransaction(connection -> {
            List<Message> out = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT m.id, epoch_us(m.ts), m.seq, m.author_id, m.text, m.media_id, m.media_name "
                            + "FROM messages m JOIN authors a ON a.id = m.author_id "
                            + "WHERE m.chat_id = ? AND m.kind = 'user' AND NOT a.opted_out "
                            + "ORDER BY m.ts, m.seq, m.id")) {
                ps.setString(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Message(rs.getString(1), chatId, micros(rs.getLong(2)), rs.getLong(3),
                                rs.getString(4), MessageKind.USER, rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
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
