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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replaces and reads the {@code windows} table. */
public final class WindowTable {
    /** The module's own schema: a staging table for bulk window inserts. */
    public static final Migration MIGRATION = new Migration("windowing", 1, "windowing_stage staging table",
            CoreSchema.sqlResource(WindowTable.class, "windowing-v1.sql"));
    /** Boundary rowids in the staging table. */
    public static final Migration MIGRATION_2 = new Migration("windowing", 2, "windowing_stage boundary rowids",
            CoreSchema.sqlResource(WindowTable.class, "windowing-v2.sql"));

    /** Both of the module's migrations, in order. */
    public static List<Migration> migrations() {
        return List.of(MIGRATION, MIGRATION_2);
    }

    /**
     * The boundary messages by rowid, checked against the window's chat and times: if rowids had moved since the
     * columns were read, rows would go unmatched and the count check below rolls the transaction back.
     */
    private static final String COPY = """
            INSERT INTO windows
            SELECT s.id, s.chat_id, s.idx, s.first_pos, s.end_pos, f.id, l.id, make_timestamp(s.start_us),
                   make_timestamp(s.end_us), s.message_count, s.bytes, s.signature
            FROM windowing_stage s
            JOIN messages f ON f.rowid = s.first_row AND f.chat_id = s.chat_id AND epoch_us(f.ts) = s.start_us
            JOIN messages l ON l.rowid = s.last_row AND l.chat_id = s.chat_id AND epoch_us(l.ts) = s.end_us
            """;

    /**
     * Replaces the whole table with {@code windows}, cut from {@code columns}, in one transaction.
     */
    public void replace(Workspace workspace, List<Window> windows, MessageColumns columns) {
        Map<String, Integer> chatStart = new HashMap<>();
        for (int c = 0; c < columns.chats(); c++) {
            chatStart.put(columns.chatIds().get(c), columns.chatStarts()[c]);
        }
        long[] rows = columns.rowIds();
        workspace.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM windows");
                st.execute("DELETE FROM windowing_stage");
            }
            workspace.append("windowing_stage", a -> {
                for (Window w : windows) {
                    int base = chatStart.get(w.chatId());
                    a.beginRow().append(w.id()).append(w.chatId()).append(w.index()).append(w.firstPos())
                            .append(w.endPos()).append(micros(w.start())).append(micros(w.end()))
                            .append(w.messageCount()).append(w.bytes()).append(w.signature())
                            .append(rows[base + (int) w.firstPos()]).append(rows[base + (int) w.endPos() - 1])
                            .endRow();
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
