package dev.egregora.windowing.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.store.Workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the windowable messages in ONE query: {@code kind = 'user'} messages whose author exists in {@code authors}
 * and has not opted out, each chat's columns aggregated by DuckDB into lists ordered by {@code ts, seq, id}, so one
 * JDBC row per chat crosses the driver instead of one per message (row iteration cost about as much as the query).
 */
public final class MessageColumnsReader {
    /** The filter and order the window positions refer to; message loaders must use the same. */
    public static final String WINDOWABLE = "FROM messages m JOIN authors a ON a.id = m.author_id "
            + "WHERE m.kind = 'user' AND NOT a.opted_out";

    private static final String DIGEST = "(md5_number(m.id || chr(0) || m.text || chr(0) || a.pseudonym || chr(0) "
            + "|| coalesce(a.alias, '') || chr(0) || coalesce(m.media_id, '')) >> 65)::BIGINT";

    private static final String ORDER = " ORDER BY m.ts, m.seq, m.id)";

    public MessageColumns read(Workspace workspace, boolean withDigests) {
        String sql = "SELECT m.chat_id, list(epoch_us(m.ts)" + ORDER + ", list(m.text_bytes" + ORDER
                + (withDigests ? ", list(" + DIGEST + ORDER : "") + " " + WINDOWABLE
                + " GROUP BY m.chat_id ORDER BY m.chat_id";
        List<String> chats = new ArrayList<>();
        List<Object[]> ts = new ArrayList<>();
        List<Object[]> bytes = new ArrayList<>();
        List<Object[]> digests = new ArrayList<>();
        int n = 0;
        try (Statement st = workspace.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                chats.add(rs.getString(1));
                ts.add((Object[]) rs.getArray(2).getArray());
                bytes.add((Object[]) rs.getArray(3).getArray());
                if (withDigests) {
                    digests.add((Object[]) rs.getArray(4).getArray());
                }
                n = Math.addExact(n, ts.get(ts.size() - 1).length);
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot read messages for windowing: " + firstLine(e.getMessage()), e);
        }
        int[] chatStarts = new int[chats.size() + 1];
        long[] tsColumn = new long[n];
        int[] bytesColumn = new int[n];
        long[] digestColumn = new long[withDigests ? n : 0];
        int row = 0;
        for (int c = 0; c < chats.size(); c++) {
            chatStarts[c] = row;
            Object[] t = ts.get(c);
            Object[] b = bytes.get(c);
            Object[] d = withDigests ? digests.get(c) : null;
            for (int i = 0; i < t.length; i++, row++) {
                tsColumn[row] = (Long) t[i];
                bytesColumn[row] = (Integer) b[i];
                if (d != null) {
                    digestColumn[row] = (Long) d[i];
                }
            }
        }
        chatStarts[chats.size()] = n;
        return new MessageColumns(chats, chatStarts, tsColumn, bytesColumn, digestColumn);
    }

    static String firstLine(String message) {
        String m = message == null ? "unknown error" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
