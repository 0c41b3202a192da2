package dev.egregora.etl.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.store.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** The ETL's writes besides messages: authors, media, commands; and the one transaction around an ingest. */
public final class IngestStore {
    private IngestStore() {
    }

    /** Runs {@code work} in one transaction: every row of the ingest is committed together or not at all. */
    public static <T> T inTransaction(Workspace ws, Supplier<T> work) {
        return ws.inTransaction(c -> work.get());
    }

    /** Inserts authors not yet known (alias and opt-out of known ones are kept). Returns how many were new. */
    public static long upsertAuthors(Workspace ws, Collection<AuthorRow> authors) {
        Connection c = ws.connection();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO authors (id, chat_id, pseudonym, real_name) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            for (AuthorRow a : authors) {
                ps.setString(1, a.id());
                ps.setString(2, a.chatId());
                ps.setString(3, a.pseudonym());
                ps.setString(4, a.realName());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            long n = 0;
            for (int k : counts) {
                n += Math.max(k, 0);
            }
            return n;
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
