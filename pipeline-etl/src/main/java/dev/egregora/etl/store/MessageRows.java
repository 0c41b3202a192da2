package dev.egregora.etl.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.store.Workspace;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Appends new messages of one chat straight into {@code messages} with DuckDB's appender, inside the caller's
 * transaction. The ids already stored for the chat are loaded first into a primitive set of their first 64 bits, so
 * a message already present (or repeated within the export) is dropped before it reaches the database: no staging
 * table, no anti-join. Not thread-safe; one per ingest.
 */
public final class MessageRows implements AutoCloseable {
    private final DuckDBAppender appender;
    private final LongSet known;
    private final long seqBase;
    private long added;

    private MessageRows(DuckDBAppender appender, LongSet known, long seqBase) {
        this.appender = appender;
        this.known = known;
        this.seqBase = seqBase;
    }

    /** Opens the appender; call inside {@link IngestStore#inTransaction}. */
    public static MessageRows open(Workspace ws, String chatId) {
        DuckDBConnection c = (DuckDBConnection) ws.connection();
        LongSet known = new LongSet();
        long seqBase = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM messages WHERE chat_id = ?")) {
            ps.setString(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(prefix(rs.getString(1)));
                }
            }
            if (known.size() > 0) {
                try (PreparedStatement ms = c.prepareStatement("SELECT max(seq) + 1 FROM messages WHERE chat_id = ?")) {
                    ms.setString(1, chatId);
                    try (ResultSet rs = ms.executeQuery()) {
                        rs.next();
                        seqBase = rs.getLong(1);
                    }
                }
            }
            return new MessageRows(c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "messages"), known, seqBase);
        } catch (SQLException e) {
            throw new EgregoraException("database error: " + e.getMessage(), e);
        }
    }

    /** The first 64 bits of a hex id. */
    public static long prefix(String hexId) {
        return Long.parseUnsignedLong(hexId.substring(0, 16), 16);
    }

    /** True if a message with this id prefix is stored or was added in this ingest. */
    public boolean known(long idPrefix) {
        return known.contains(idPrefix);
    }

    /** Appends a message unless its id is known; returns true if appended. */
    public boolean add(long idPrefix, String id, String chatId, long tsMicros, long index, String authorId, String kind,
                       String text, int textBytes, String mediaId, String mediaName, boolean edited, boolean deleted,
                       long line) {
        if (!known.add(idPrefix)) {
            return false;
        }
        try {
            appender.beginRow();
            appender.append(id);
            appender.append(chatId);
            appender.appendEpochMicros(tsMicros);
            appender.append(seqBase + index);
            if (authorId == null) {
                appender.appendNull();
            } else {
                appender.append(authorId);
            }
            appender.append(kind);
            appender.append(text);
            appender.append(textBytes);
            if (mediaId == null) {
                appender.appendNull();
            } else {
                appender.append(mediaId);
            }
            if (mediaName == null) {
                appender.appendNull();
            } else {
                appender.append(mediaName);
            }
            appender.append(edited);
            appender.append(deleted);
            appender.append(line);
            appender.endRow();
        } catch (SQLException e) {
            throw new EgregoraException("cannot append to messages: " + e.getMessage(), e);
        }
        added++;
        return true;
    }

    public long added() {
        return added;
    }

    /** Flushes the rows into the transaction. */
    public void flush() {
        try {
            appender.flush();
        } catch (SQLException e) {
            throw new EgregoraException("cannot append to messages: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            appender.close();
        } catch (SQLException e) {
            throw new EgregoraException("cannot append to messages: " + e.getMessage(), e);
        }
    }
}
