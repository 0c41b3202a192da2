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
import java.util.List;
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

    /** Records windows' outcomes inside the caller's transaction: one {@code DELETE}, then an appender. */
    static void record(Workspace workspace, Connection c, List<Outcome> outcomes, String runId, Instant now)
            throws SQLException {
        PostStore.deleteIds(c, "DELETE FROM window_journal WHERE window_id IN (SELECT unnest(?::VARCHAR[]))",
                outcomes.stream().map(Outcome::windowId).toList());
        LocalDateTime at = utc(now);
        workspace.append("window_journal", a -> {
            for (Outcome o : outcomes) {
                a.beginRow().append(o.windowId()).append(o.signature()).append(o.error() == null ? "done" : "failed")
                        .append(runId).append(o.attempts());
                if (o.error() == null) {
                    a.appendNull();
                } else {
                    a.append(o.error());
                }
                a.append(o.tokensIn()).append(o.tokensOut()).append(at).endRow();
            }
            return outcomes.size();
        });
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
