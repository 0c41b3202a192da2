package dev.egregora.etl.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.store.Workspace;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Loads the new messages of one chat into {@code messages}, inside the caller's transaction, by the chosen
 * {@link LoadPath}. The ids already stored for the chat are loaded first into a primitive set of their first 64
 * bits, so a message already present (or repeated within the export) is dropped before it reaches the database: no
 * staging table, no anti-join. Not thread-safe; one per ingest.
 */
public final class MessageRows implements AutoCloseable {
    /** The CSV carries only what varies; chat id, author ids and kinds are filled in by the INSERT. */
    private static final String CSV_COLUMNS = "{'id':'VARCHAR','ts':'BIGINT','seq':'BIGINT','author_ix':'INTEGER',"
            + "'kind_ix':'TINYINT','text':'VARCHAR','media_id':'VARCHAR',"
            + "'media_name':'VARCHAR','flags':'TINYINT','source_line':'BIGINT'}";

    private final DuckDBConnection connection;
    private final DuckDBAppender appender;   // APPENDER path
    private final Path csvFile;              // CSV path
    private final CsvRows csv;
    private final LongSet known;
    private final long seqBase;
    private final String chatId;
    private final java.util.List<String> authorIds = new java.util.ArrayList<>();
    private long longestRow;                 // upper bound of the longest CSV row, for read_csv's max_line_size
    private final java.util.Map<String, Integer> authorIndex = new java.util.HashMap<>();
    private long added;

    private MessageRows(DuckDBConnection connection, DuckDBAppender appender, Path csvFile, CsvRows csv,
                        LongSet known, long seqBase, String chatId) {
        this.chatId = chatId;
        this.connection = connection;
        this.appender = appender;
        this.csvFile = csvFile;
        this.csv = csv;
        this.known = known;
        this.seqBase = seqBase;
    }

    /** Opens the appender (or the temp CSV file); call inside {@link IngestStore#inTransaction}. */
    public static MessageRows open(Workspace ws, String chatId) {
        return open(ws, chatId, LoadPath.APPENDER);
    }

    /** As {@link #open(Workspace, String)}, by the given load path. */
    public static MessageRows open(Workspace ws, String chatId, LoadPath path) {
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
            if (path == LoadPath.CSV) {
                Path file = Files.createTempFile(ws.dataDir(), "ingest-", ".csv");
                return new MessageRows(c, null, file,
                        new CsvRows(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)), known, seqBase,
                        chatId);
            }
            return new MessageRows(c, c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "messages"), null, null,
                    known, seqBase, chatId);
        } catch (SQLException e) {
            throw new EgregoraException("database error: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EgregoraException("cannot write a temp file in " + ws.dataDir() + ": " + e.getMessage(), e);
        }
    }

    /** The first 64 bits of a hex id. */
    public static long prefix(String hexId) {
        return Long.parseUnsignedLong(hexId.substring(0, 16), 16);
    }

    /** Appends a message unless its id is known; returns true if appended. */
    public boolean add(long idPrefix, String id, String chatId, long tsMicros, long index, String authorId, String kind,
                       String text, int textBytes, String mediaId, String mediaName, boolean edited, boolean deleted,
                       long line) {
        if (!known.add(idPrefix)) {
            return false;
        }
        if (csv != null) {
            longestRow = Math.max(longestRow, 3L * (text == null ? 0 : text.length())
                    + 3L * (mediaName == null ? 0 : mediaName.length()) + 512);
            try {
                csv.plain(id);
                csv.comma();
                csv.number(tsMicros);
                csv.comma();
                csv.number(seqBase + index);
                csv.comma();
                if (authorId != null) {
                    Integer ix = authorIndex.get(authorId);
                    if (ix == null) {
                        ix = authorIds.size();
                        authorIds.add(authorId);
                        authorIndex.put(authorId, ix);
                    }
                    csv.number(ix);
                }
                csv.comma();
                csv.number(kind.equals("user") ? 0 : kind.equals("system") ? 1 : 2);
                csv.comma();
                csv.quoted(text);
                csv.comma();
                csv.plain(mediaId);
                csv.comma();
                csv.quoted(mediaName);
                csv.comma();
                csv.number((edited ? 1 : 0) | (deleted ? 2 : 0));
                csv.comma();
                csv.number(line);
                csv.newline();
            } catch (IOException e) {
                throw new EgregoraException("cannot write " + csvFile + ": " + e.getMessage(), e);
            }
            added++;
            return true;
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

    /** Moves the rows into the transaction (appender flush, or one INSERT from the CSV file). */
    public void flush() {
        try {
            if (appender != null) {
                appender.flush();
                return;
            }
            csv.close();
            try (Statement st = connection.createStatement()) {
                // author ids by index: a scratch table, dropped in the same transaction (a list literal of thousands of ids makes the statement slow)
                st.execute("CREATE OR REPLACE TABLE etl_ingest_authors (ix INTEGER, id VARCHAR)");
                try (DuckDBAppender app = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "etl_ingest_authors")) {
                    for (int i = 0; i < authorIds.size(); i++) {
                        app.beginRow();
                        app.append(i);
                        app.append(authorIds.get(i));
                        app.endRow();
                    }
                }
                st.execute("INSERT INTO messages SELECT c.id, '" + chatId.replace("'", "''") + "', make_timestamp(ts), "
                        + "seq, a.id, list_extract(['user', 'system', 'command'], kind_ix + 1), text, strlen(text), "
                        + "media_id, media_name, (flags & 1) = 1, (flags & 2) = 2, source_line FROM read_csv('"
                        + csvFile.toString().replace("'", "''") + "', header = false, quote = '\"', escape = '\"', "
                        + "new_line = '\\n', auto_detect = false, allow_quoted_nulls = false, columns = "
                        + CSV_COLUMNS + ", max_line_size = " + Math.min(1L << 30, Math.max(2L << 20, longestRow))
                        + ") c LEFT JOIN etl_ingest_authors a ON a.ix = c.author_ix"); // default 2 MB rejected longer messages
                st.execute("DROP TABLE etl_ingest_authors");
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot load messages: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EgregoraException("cannot write " + csvFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (appender != null) {
                appender.close();
            } else {
                csv.close();
                Files.deleteIfExists(csvFile);
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot append to messages: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EgregoraException("cannot delete " + csvFile + ": " + e.getMessage(), e);
        }
    }
}
