package dev.egregora.etl.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.store.Workspace;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
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

    /**
     * Appends the media rows whose id is not stored yet (one query for the stored ids, then DuckDB's appender: a
     * batch of {@code INSERT … ON CONFLICT} statements runs row by row, seconds for a few thousand files).
     */
    public static void insertMedia(Workspace ws, Collection<MediaItem> media) {
        if (media.isEmpty()) {
            return;
        }
        DuckDBConnection c = (DuckDBConnection) ws.connection();
        try {
            Set<String> stored = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM media")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            try (DuckDBAppender app = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "media")) {
                for (MediaItem m : media) {
                    if (stored.add(m.id())) {
                        app.beginRow();
                        app.append(m.id());
                        app.append(m.fileName());
                        app.append(m.relPath());
                        app.append(m.mime());
                        app.append(m.kind());
                        app.append(m.bytes());
                        app.endRow();
                    }
                }
                app.flush();
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot store media: " + e.getMessage(), e);
        }
    }

    /**
     * Applies commands (in message order) to {@code authors}: opt-out, opt-in, set/remove alias. Folded first into the
     * final state per author (the last opt-in/opt-out and the last alias command win), then one {@code UPDATE} from a
     * scratch table created and dropped inside the caller's transaction (an {@code UPDATE} per command costs
     * milliseconds each).
     */
    public static void applyCommands(Workspace ws, List<CommandRow> commands) {
        Map<String, Boolean> optedOut = new LinkedHashMap<>();
        Map<String, String> alias = new LinkedHashMap<>();   // a null value: alias removed
        for (CommandRow cmd : commands) {
            switch (cmd.action()) {
                case "opt-out", "opt-in" -> optedOut.put(cmd.authorId(), cmd.action().equals("opt-out"));
                case "set-alias", "remove-alias" -> alias.put(cmd.authorId(), cmd.value());
                default -> {
                    // unknown commands are stored as messages of kind command and change nothing
                }
            }
        }
        if (optedOut.isEmpty() && alias.isEmpty()) {
            return;
        }
        Set<String> changed = new LinkedHashSet<>(optedOut.keySet());
        changed.addAll(alias.keySet());
        DuckDBConnection c = (DuckDBConnection) ws.connection();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE etl_ingest_commands (author_id VARCHAR, set_opt_out BOOLEAN, "
                    + "opted_out BOOLEAN, set_alias BOOLEAN, alias VARCHAR)");
            try (DuckDBAppender app = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "etl_ingest_commands")) {
                for (String id : changed) {
                    app.beginRow();
                    app.append(id);
                    app.append(optedOut.containsKey(id));
                    app.append(optedOut.getOrDefault(id, false));
                    app.append(alias.containsKey(id));
                    if (alias.get(id) == null) {
                        app.appendNull();
                    } else {
                        app.append(alias.get(id));
                    }
                    app.endRow();
                }
            }
            st.execute("UPDATE authors SET opted_out = CASE WHEN c.set_opt_out THEN c.opted_out ELSE authors.opted_out END, "
                    + "alias = CASE WHEN c.set_alias THEN c.alias ELSE authors.alias END "
                    + "FROM etl_ingest_commands c WHERE authors.id = c.author_id");
            st.execute("DROP TABLE etl_ingest_commands");
        } catch (SQLException e) {
            throw new EgregoraException("cannot apply commands: " + e.getMessage(), e);
        }
    }
}
