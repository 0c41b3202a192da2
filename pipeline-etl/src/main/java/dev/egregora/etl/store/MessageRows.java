package dev.egregora.etl.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.store.Workspace;
import dev.egregora.etl.media.MediaCopier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Loads the new messages of one chat into {@code messages}, inside the caller's transaction, by the chosen
 * {@link LoadPath}. The ids already stored for the chat are loaded first into a primitive set of their first 64
 * bits, so a message already present (or repeated within the export) is dropped before it reaches the database: no
 * staging table, no anti-join. On a chat's first ingest, while the export's wall-clock times do not go back, no
 * lookup is needed at all (identical messages at one time are numbered apart by the caller, and they all sit in one
 * run); the ids are only logged, and turned into the set when {@link #timeWentBack} is first called.
 *
 * <p>CSV path: rows go into chunk files of {@code chunkRows} rows; each full chunk is loaded
 * ({@code INSERT … FROM read_csv}) by a loader thread on the same connection, in the same transaction, while the
 * caller goes on parsing, so parsing and DuckDB's load run on both cores. Author ids and media ids are joined in by
 * index from two scratch tables created and dropped inside the transaction. Not thread-safe: one caller thread;
 * the caller must not use the connection between {@link #open} and {@link #flush}/{@link #close}.
 */
public final class MessageRows implements AutoCloseable {
    /** The CSV carries only what varies; chat id, author ids, media ids and kinds are filled in by the INSERT. */
    private static final String CSV_COLUMNS = "{'id':'VARCHAR','ts':'BIGINT','seq':'BIGINT','author_ix':'INTEGER',"
            + "'kind_ix':'TINYINT','text':'VARCHAR','media_ix':'INTEGER',"
            + "'media_name':'VARCHAR','flags':'TINYINT','source_line':'BIGINT','id_hash':'BIGINT'}";

    private final DuckDBConnection connection;
    private final Workspace ws;
    private final MediaCopier media;
    private final DuckDBAppender appender;   // APPENDER path
    private final boolean csvPath;
    private final int chunkRows;
    private final LongSet known;
    private long[] unchecked;               // ids added before any lookup was needed (first ingest, times in order)
    private int uncheckedSize;
    private final long seqBase;
    private final String chatId;
    private final List<String> authorIds = new ArrayList<>();
    private final Map<String, Integer> authorIndex = new HashMap<>();
    private long added;
    // CSV path: the chunk being written, and what the loader thread has been handed so far
    private Path chunkFile;
    private CsvRows csv;
    private int chunkRowCount;
    private long longestRow;                 // upper bound of the longest CSV row, for read_csv's max_line_size
    private int authorsHandedOver;
    private int slotsHandedOver;
    private ExecutorService loader;
    private final List<Future<?>> loads = new ArrayList<>();
    private final List<Path> chunkFiles = new ArrayList<>();

    private MessageRows(Workspace ws, DuckDBConnection connection, DuckDBAppender appender, LongSet known,
                        long seqBase, String chatId, MediaCopier media, int chunkRows) {
        this.ws = ws;
        this.connection = connection;
        this.appender = appender;
        this.csvPath = appender == null;
        this.known = known;
        this.seqBase = seqBase;
        this.chatId = chatId;
        this.media = media;
        this.chunkRows = chunkRows;
        this.unchecked = known.size() == 0 ? new long[1 << 12] : null;
    }

    /** The caller saw a wall-clock time earlier than the one before: from now on every id is looked up. */
    public void timeWentBack() {
        if (unchecked != null) {
            for (int i = 0; i < uncheckedSize; i++) {
                known.add(unchecked[i]);
            }
            unchecked = null;
        }
    }

    /**
     * Opens the appender (or the chunked CSV load); call inside {@link IngestStore#inTransaction}. Attachments are
     * referenced by their {@code media} slot.
     */
    public static MessageRows open(Workspace ws, String chatId, LoadPath path, MediaCopier media, int chunkRows) {
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
                try (Statement st = c.createStatement()) {
                    // scratch tables, dropped in the same transaction (a list literal of thousands of ids makes the
                    // statement slow)
                    st.execute("CREATE OR REPLACE TABLE etl_ingest_authors (ix INTEGER, id VARCHAR)");
                    st.execute("CREATE OR REPLACE TABLE etl_ingest_media (ix INTEGER, id VARCHAR)");
                }
                MessageRows rows = new MessageRows(ws, c, null, known, seqBase, chatId, media, chunkRows);
                rows.newChunk();
                return rows;
            }
            return new MessageRows(ws, c, c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "messages"), known,
                    seqBase, chatId, media, chunkRows);
        } catch (SQLException e) {
            throw new EgregoraException("database error: " + e.getMessage(), e);
        }
    }

    /** The first 64 bits of a hex id. */
    public static long prefix(String hexId) {
        return Long.parseUnsignedLong(hexId.substring(0, 16), 16);
    }

    /** Appends a message unless its id is known; returns true if appended. {@code mediaSlot} is -1 for none. */
    public boolean add(long idPrefix, String id, long tsMicros, long index, String authorId, String kind,
                       String text, int textBytes, int mediaSlot, String mediaName, boolean edited, boolean deleted,
                       long line) {
        if (unchecked != null) {
            if (uncheckedSize == unchecked.length) {
                unchecked = java.util.Arrays.copyOf(unchecked, uncheckedSize * 2);
            }
            unchecked[uncheckedSize++] = idPrefix;
        } else if (!known.add(idPrefix)) {
            return false;
        }
        added++;
        if (csvPath) {
            writeCsv(id, tsMicros, index, authorId, kind, text, mediaSlot, mediaName, edited, deleted, line,
                    idPrefix >>> 1);
            return true;
        }
        try {
            appender.beginRow();
            appender.append(id);
            appender.append(chatId);
            appender.appendEpochMicros(tsMicros);
            appender.append(seqBase + index);
            appendNullable(authorId);
            appender.append(kind);
            appender.append(text);
            appender.append(textBytes);
            appendNullable(media.id(mediaSlot));
            appendNullable(mediaName);
            appender.append(edited);
            appender.append(deleted);
            appender.append(line);
            appender.append(idPrefix >>> 1); // messages.id_hash (core-v4)
            appender.endRow();
        } catch (SQLException e) {
            throw new EgregoraException("cannot append to messages: " + e.getMessage(), e);
        }
        return true;
    }

    private void appendNullable(String v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.append(v);
        }
    }

    private void writeCsv(String id, long tsMicros, long index, String authorId, String kind, String text,
                          int mediaSlot, String mediaName, boolean edited, boolean deleted, long line,
                          long idHash) {
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
            if (mediaSlot >= 0) {
                csv.number(mediaSlot);
            }
            csv.comma();
            csv.quoted(mediaName);
            csv.comma();
            csv.number((edited ? 1 : 0) | (deleted ? 2 : 0));
            csv.comma();
            csv.number(line);
            csv.comma();
            csv.number(idHash);
            csv.newline();
        } catch (IOException e) {
            throw new EgregoraException("cannot write " + chunkFile + ": " + e.getMessage(), e);
        }
        if (++chunkRowCount >= chunkRows) {
            handOver();
            newChunk();
        }
    }

    private void newChunk() {
        try {
            chunkFile = Files.createTempFile(ws.dataDir(), "ingest-", ".csv");
            chunkFiles.add(chunkFile);
            csv = new CsvRows(new BufferedOutputStream(Files.newOutputStream(chunkFile), 1 << 16));
            chunkRowCount = 0;
            longestRow = 0;
        } catch (IOException e) {
            throw new EgregoraException("cannot write a temp file in " + ws.dataDir() + ": " + e.getMessage(), e);
        }
    }

    /** Closes the current chunk and queues its load, with the authors and media slots it may refer to. */
    private void handOver() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new EgregoraException("cannot write " + chunkFile + ": " + e.getMessage(), e);
        }
        for (Future<?> f : loads) {
            if (f.isDone()) {
                await(f); // a failed load stops the parse now
            }
        }
        if (chunkRowCount == 0) {
            return;
        }
        Path file = chunkFile;
        int authorBase = authorsHandedOver;
        List<String> newAuthors = List.copyOf(authorIds.subList(authorBase, authorIds.size()));
        int slotFrom = slotsHandedOver;
        int slotTo = media.slots();
        long maxLine = Math.min(1L << 30, Math.max(2L << 20, longestRow)); // default 2 MB rejected longer messages
        authorsHandedOver = authorIds.size();
        slotsHandedOver = slotTo;
        if (loader == null) {
            loader = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "etl-load");
                t.setDaemon(true);
                return t;
            });
        }
        loads.add(loader.submit(() -> {
            load(file, authorBase, newAuthors, slotFrom, slotTo, maxLine);
            return null;
        }));
    }

    /** On the loader thread: the chunk's new author and media ids into the scratch tables, then the chunk. */
    private void load(Path file, int authorBase, List<String> newAuthors, int slotFrom, int slotTo, long maxLine)
            throws SQLException, IOException {
        if (!newAuthors.isEmpty()) {
            try (DuckDBAppender app = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "etl_ingest_authors")) {
                for (int i = 0; i < newAuthors.size(); i++) {
                    app.beginRow();
                    app.append(authorBase + i);
                    app.append(newAuthors.get(i));
                    app.endRow();
                }
            }
        }
        if (slotTo > slotFrom) {
            try (DuckDBAppender app = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "etl_ingest_media")) {
                for (int s = slotFrom; s < slotTo; s++) {
                    app.beginRow();
                    app.append(s);
                    app.append(media.id(s)); // waits for the copy
                    app.endRow();
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("INSERT INTO messages SELECT c.id, '" + chatId.replace("'", "''") + "', make_timestamp(ts), "
                    + "seq, a.id, list_extract(['user', 'system', 'command'], kind_ix + 1), text, strlen(text), "
                    + "m.id, media_name, (flags & 1) = 1, (flags & 2) = 2, source_line, id_hash FROM read_csv('"
                    + file.toString().replace("'", "''") + "', header = false, quote = '\"', escape = '\"', "
                    + "new_line = '\\n', auto_detect = false, allow_quoted_nulls = false, columns = "
                    + CSV_COLUMNS + ", max_line_size = " + maxLine + ") c "
                    + "LEFT JOIN etl_ingest_authors a ON a.ix = c.author_ix "
                    + "LEFT JOIN etl_ingest_media m ON m.ix = c.media_ix");
        }
        Files.deleteIfExists(file);
    }

    public long added() {
        return added;
    }

    /** Moves every row into the transaction (appender flush, or the last chunk loaded and all loads awaited). */
    public void flush() {
        try {
            if (!csvPath) {
                appender.flush();
                return;
            }
            handOver();
            for (Future<?> f : loads) {
                await(f);
            }
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE etl_ingest_authors");
                st.execute("DROP TABLE etl_ingest_media");
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot load messages: " + e.getMessage(), e);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof EgregoraException ee) {
                throw ee;
            }
            if (c instanceof SQLException) {
                throw new EgregoraException("cannot load messages: " + c.getMessage(), c);
            }
            if (c instanceof IOException) {
                throw new EgregoraException("cannot read a temp file: " + c.getMessage(), c);
            }
            throw new EgregoraException("cannot load messages: " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EgregoraException("interrupted while loading messages", e);
        }
    }

    /** Stops the loader (queued chunks are dropped, a running load is waited for) and deletes the chunk files. */
    @Override
    public void close() {
        try {
            if (!csvPath) {
                appender.close();
                return;
            }
            if (loader != null) {
                loader.shutdownNow();
                loader.awaitTermination(1, TimeUnit.HOURS);
            }
            csv.close();
            for (Path f : chunkFiles) {
                Files.deleteIfExists(f);
            }
        } catch (SQLException e) {
            throw new EgregoraException("cannot append to messages: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EgregoraException("cannot delete a temp file in " + ws.dataDir() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
