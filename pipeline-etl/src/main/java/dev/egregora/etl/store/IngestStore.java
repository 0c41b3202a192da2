package dev.egregora.etl.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.store.Workspace;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The ETL's writes besides messages: authors, media, commands; and the one transaction around an ingest. */
public final class IngestStore {
    private IngestStore() {
    }

    /** Runs {@code work} in one transaction: every row of the ingest is committed together or not at all. */
    public static <T> T inTransaction(Workspace ws, Supplier<T> work) {
        return ws.inTransaction(c -> work.get());
    }

    /** The pseudonyms already given out in this database, by author id (every chat: pseudonyms are site-wide). */
    public static Map<String, String> storedPseudonyms(Workspace ws) {
        Map<String, String> out = new HashMap<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT id, pseudonym FROM authors")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw new EgregoraException("cannot read authors: " + e.getMessage(), e);
        }
    }

    /**
     * Appends authors that are not stored yet (the caller checked against {@link #storedPseudonyms}, inside the same
     * transaction), with DuckDB's appender: a batch of single-row {@code INSERT … ON CONFLICT} statements costs
     * milliseconds per row (minutes for a 10 000-member group). Returns how many were appended.
     */
    public static long insertNewAuthors(Workspace ws, Collection<AuthorRow> authors) {
        if (authors.isEmpty()) {
            return 0;
        }
        DuckDBConnection c = (DuckDBConnection) ws.connection();
        try (DuckDBAppender app = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "authors")) {
            for (AuthorRow a : authors) {
                app.beginRow();
                app.append(a.id());
                app.append(a.chatId());
                app.append(a.pseudonym());
                app.append(a.realName());
                app.appendNull();
                app.append(false);
                app.endRow();
            }
            app.flush();
            return authors.size();
        } catch (SQLException e) {
            throw new EgregoraException("cannot store authors: " + e.getMessage(), e);
        }
    }

    public static void insertMedia(Workspace ws, Collection<MediaItem> media) {
        Connection c = ws.connection();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO media (id, file_name, rel_path, mime, kind, bytes) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            for (MediaItem m : media) {
                ps.setString(1, m.id());
                ps.setString(2, m.fileName());
                ps.setString(3, m.relPath());
                ps.setString(4, m.mime());
                ps.setString(5, m.kind());
                ps.setLong(6, m.bytes());
                ps.addBatch();
            }
            if (!media.isEmpty()) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot store media: " + e.getMessage(), e);
        }
    }

    /** Applies commands (in order) to {@code authors}: opt-out, opt-in, set/remove alias. */
    public static void applyCommands(Workspace ws, List<CommandRow> commands) {
        Connection c = ws.connection();
        try (PreparedStatement optOut = c.prepareStatement("UPDATE authors SET opted_out = ? WHERE id = ?");
             PreparedStatement alias = c.prepareStatement("UPDATE authors SET alias = ? WHERE id = ?")) {
            for (CommandRow cmd : commands) {
                switch (cmd.action()) {
                    case "opt-out", "opt-in" -> {
                        optOut.setBoolean(1, cmd.action().equals("opt-out"));
                        optOut.setString(2, cmd.authorId());
                        optOut.executeUpdate();
                    }
                    case "set-alias", "remove-alias" -> {
                        alias.setString(1, cmd.value());
                        alias.setString(2, cmd.authorId());
                        alias.executeUpdate();
                    }
                    default -> {
                        // unknown commands are stored as messages of kind command and change nothing
                    }
                }
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot apply commands: " + e.getMessage(), e);
        }
    }
}
