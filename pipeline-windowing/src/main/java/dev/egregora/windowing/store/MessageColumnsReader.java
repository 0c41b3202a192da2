package dev.egregora.windowing.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.store.Workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the windowable messages in ONE query: {@code kind = 'user'} messages whose author exists in {@code authors}
 * and has not opted out, ordered by {@code chat_id, ts, seq, id}. Only numbers cross JDBC (the chat id is read once per
 * chat), so a million rows load in a few hundred milliseconds.
 */
public final class MessageColumnsReader {
    /** The filter and order the window positions refer to; message loaders must use the same. */
    public static final String WINDOWABLE = "FROM messages m JOIN authors a ON a.id = m.author_id "
            + "WHERE m.kind = 'user' AND NOT a.opted_out";

    private static final String DIGEST = "(md5_number(m.id || chr(0) || m.text || chr(0) || a.pseudonym || chr(0) "
            + "|| coalesce(a.alias, '') || chr(0) || coalesce(m.media_id, '')) >> 65)::BIGINT";

    public MessageColumns read(Workspace workspace, boolean withDigests) {
        String sql = "SELECT (hash(m.chat_id) >> 1)::BIGINT, m.chat_id, epoch_us(m.ts), m.text_bytes"
                + (withDigests ? ", " + DIGEST : "") + " " + WINDOWABLE + " ORDER BY m.chat_id, m.ts, m.seq, m.id";
        List<String> chats = new ArrayList<>();
        int[] starts = new int[8];
        long[] ts = new long[1024];
        int[] bytes = new int[1024];
        long[] digests = new long[withDigests ? 1024 : 0];
        int n = 0;
        try (Statement st = workspace.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            long lastChatHash = 0;
            String lastChat = null;
            while (rs.next()) {
                long h = rs.getLong(1);
                if (lastChat == null || h != lastChatHash) {
                    String chat = rs.getString(2);
                    if (!chat.equals(lastChat)) {
                        if (chats.size() == starts.length) {
                            starts = Arrays.copyOf(starts, starts.length * 2);
                        }
                        starts[chats.size()] = n;
                        chats.add(chat);
                        lastChat = chat;
                    }
                    lastChatHash = h;
                }
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, n * 2);
                    bytes = Arrays.copyOf(bytes, n * 2);
                    if (withDigests) {
                        digests = Arrays.copyOf(digests, n * 2);
                    }
                }
                ts[n] = rs.getLong(3);
                bytes[n] = rs.getInt(4);
                if (withDigests) {
                    digests[n] = rs.getLong(5);
                }
                n++;
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot read messages for windowing: " + firstLine(e.getMessage()), e);
        }
        int[] chatStarts = Arrays.copyOf(starts, chats.size() + 1);
        chatStarts[chats.size()] = n;
        return new MessageColumns(chats, chatStarts, Arrays.copyOf(ts, n), Arrays.copyOf(bytes, n),
                withDigests ? Arrays.copyOf(digests, n) : new long[0]);
    }

    static String firstLine(String message) {
        String m = message == null ? "unknown error" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
