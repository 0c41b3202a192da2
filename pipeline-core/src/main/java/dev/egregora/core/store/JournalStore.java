package dev.egregora.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** The run journal: {@code runs}, and per window the signature last written and whether it succeeded. */
public final class JournalStore {
    private final Workspace workspace;

    public JournalStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** What the journal knows of a window. */
    public record Entry(String windowId, String signature, boolean done, int attempts) {
    }

    public Map<String, Entry> entries() {
        return workspace.inTransaction(c -> {
            Map<String, Entry> out = new HashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT window_id, signature, status = 'done', attempts FROM window_journal")) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Entry(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            rs.getInt(4)));
                }
            }
            return out;
        });
    }

    public void startRun(String runId, String command, Instant now) {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO runs (id, command, started_at, status) VALUES (?, ?, ?, 'running')")) {
                ps.setString(1, runId);
                ps.setString(2, command);
                ps.setObject(3, utc(now));
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void finishRun(String runId, boolean ok, String summary, Instant now) {
        workspace.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE runs SET finished_at = ?, status = ?, summary = ? WHERE id = ?")) {
                ps.setObject(1, utc(now));
                ps.setString(2, ok ? "ok" : "failed");
                ps.setString(3, summary);
                ps.setString(4, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records windows' outcomes inside the caller's transaction. */
    static void record(Connection c, Iterable<Outcome> outcomes, String runId, Instant now) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM window_journal WHERE window_id = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO window_journal (window_id, signature, status, "
                     + "run_id, attempts, error, updated_at, tokens_in, tokens_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Outcome o : outcomes) {
                del.setString(1, o.windowId());
                del.addBatch();
                ins.setString(1, o.windowId());
                ins.setString(2, o.signature());
                ins.setString(3, o.error() == null ? "done" : "failed");
                ins.setString(4, runId);
                ins.setInt(5, o.attempts());
                ins.setString(6, o.error());
                ins.setObject(7, utc(now));
                ins.setLong(8, o.tokensIn());
                ins.setLong(9, o.tokensOut());
                ins.addBatch();
            }
            del.executeBatch();
            ins.executeBatch();
        }
    }

    /** The result of writing one window: {@code error} is null when it succeeded. */
    public record Outcome(String windowId, String signature, int attempts, String error, long tokensIn,
                          long tokensOut) {
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(utc(instant));
    }
}
