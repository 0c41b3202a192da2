package dev.egregora.windowing.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Window;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Replaces and reads the {@code windows} table. */
public final class WindowTable {
    /** The module's own schema: a staging table for bulk window inserts. */
    public static final Migration MIGRATION = new Migration("windowing", 1, "windowing_stage staging table",
            CoreSchema.sqlResource(WindowTable.class, "windowing-v1.sql"));

    private static final String COPY = """
            INSERT INTO windows
            WITH pos AS (
                SELECT m.id, m.chat_id, row_number() OVER (PARTITION BY m.chat_id ORDER BY m.ts, m.seq, m.id) - 1 AS p
                %s
            ), wanted AS (
                SELECT pos.* FROM pos
                SEMI JOIN (SELECT chat_id, first_pos AS p FROM windowing_stage
                           UNION SELECT chat_id, end_pos - 1 FROM windowing_stage) b
                ON pos.chat_id = b.chat_id AND pos.p = b.p
            )
            SELECT s.id, s.chat_id, s.idx, s.first_pos, s.end_pos, f.id, l.id, make_timestamp(s.start_us),
                   make_timestamp(s.end_us), s.message_count, s.bytes, s.signature
            FROM windowing_stage s
            JOIN wanted f ON f.chat_id = s.chat_id AND f.p = s.first_pos
            JOIN wanted l ON l.chat_id = s.chat_id AND l.p = s.end_pos - 1
            """.formatted(MessageColumnsReader.WINDOWABLE);

    /** Replaces the whole table with {@code windows} in one transaction. */
    public void replace(Workspace workspace, List<Window> windows) {
        workspace.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM windows");
                st.execute("DELETE FROM windowing_stage");
            }
            workspace.append("windowing_stage", a -> {
                for (Window w : windows) {
                    a.beginRow().append(w.id()).append(w.chatId()).append(w.index()).append(w.firstPos())
                            .append(w.endPos()).append(micros(w.start())).append(micros(w.end()))
                            .append(w.messageCount()).append(w.bytes()).append(w.signature()).endRow();
                }
                return windows.size();
            });
            try (Statement st = c.createStatement()) {
                st.execute(COPY);
                int copied = st.getUpdateCount();
                st.execute("DELETE FROM windowing_stage");
                if (copied != windows.size()) {
                    throw new EgregoraException("windowing: " + windows.size() + " windows computed but " + copied
                            + " matched their messages (were messages changed during the run?)");
                }
            }
            return null;
        });
    }

    /** The stored windows, ordered by chat and index. */
    public List<Window> read(Workspace workspace) {
        List<Window> out = new ArrayList<>();
        try (Statement st = workspace.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT id, chat_id, idx, first_pos, end_pos, epoch_us(start_ts), "
                     + "epoch_us(end_ts), message_count, bytes, signature FROM windows ORDER BY chat_id, idx")) {
            while (rs.next()) {
                out.add(new Window(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                        instant(rs.getLong(6)), instant(rs.getLong(7)), rs.getInt(8), rs.getLong(9),
                        rs.getString(10)));
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot read windows: " + MessageColumnsReader.firstLine(e.getMessage()), e);
        }
        return out;
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
