package dev.egregora.core.store;

import dev.egregora.core.EgregoraException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site directory and its single source of truth, {@code SITE/.egregora/egregora.duckdb}.
 *
 * <p>Opening a workspace takes an exclusive lock ({@code SITE/.egregora/lock}) for the life of this object, so a
 * second run on the same site fails at once with {@link WorkspaceLockedException}, and applies every pending
 * {@link Migration}. Not thread-safe: one workspace per run, used from the orchestrating thread; stages that work in
 * parallel compute in memory and commit through here.
 */
public final class Workspace implements AutoCloseable {
    public static final String DATA_DIR = ".egregora";
    public static final String DATABASE_FILE = "egregora.duckdb";

    /** DuckDB's file-lock refusal: {@code Conflicting lock is held in /usr/bin/duckdb (PID 123)}. */
    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.+? \\(PID \\d+\\))");

    private final Path site;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final DuckDBConnection connection;

    private Workspace(Path site, FileChannel lockChannel, FileLock lock, DuckDBConnection connection) {
        this.site = site;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.connection = connection;
    }

    /** Opens (creating if needed) the workspace of {@code site} and applies the pending migrations. */
    public static Workspace open(Path site, Collection<Migration> migrations) {
        Path dir = site.toAbsolutePath().normalize();
        Path data = dir.resolve(DATA_DIR);
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new EgregoraException("cannot create " + data + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(data.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new WorkspaceLockedException(dir);
            }
            DuckDBConnection connection = connect(data.resolve(DATABASE_FILE), dir);
            Workspace ws = new Workspace(dir, channel, lock, connection);
            try {
                ws.migrate(migrations);
            } catch (RuntimeException e) {
                ws.close();
                throw e;
            }
            return ws;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EgregoraException("cannot lock " + data + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static DuckDBConnection connect(Path db, Path site) {
        try {
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + db);
        } catch (SQLException e) {
            String msg = String.valueOf(e.getMessage());
            Matcher holder = LOCK_HOLDER.matcher(msg);
            if (holder.find()) {
                // our own runs take SITE/.egregora/lock first, so this is another program (a duckdb shell, a notebook)
                throw new EgregoraException("the site database " + db + " is open in another program (" + holder.group(1)
                        + "): close it, then run again", e);
            }
            if (msg.contains("lock")) {
                throw new WorkspaceLockedException(site);
            }
            throw new EgregoraException("cannot open the site database " + db + ": " + firstLine(msg), e);
        }
    }

    /** The site directory (absolute). */
    public Path site() {
        return site;
    }

    /** {@code SITE/.egregora}: database, config, caches, lock. */
    public Path dataDir() {
        return site.resolve(DATA_DIR);
    }

    /** The live connection, for code in {@code ..store..} packages. Do not close it. */
    public Connection connection() {
        return connection;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            T result;
            try {
                // DuckDB's driver begins the transaction at the first statement; an appender used before any
                // statement would otherwise commit on its own and escape a rollback
                try (Statement begin = connection.createStatement()) {
                    begin.execute("SELECT 1");
                }
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                // a failed commit (disk full) leaves no transaction, so restoring auto-commit would throw "cannot
                // commit - no transaction is active" and hide the cause (reliability finding F10)
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the original failure is what the user needs to see
                }
                throw e;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new EgregoraException("database error: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Bulk-appends rows to {@code table} with DuckDB's appender (the fastest load path from Java), inside the
     * caller's transaction if one is open. Returns what {@code rows} returns (typically the row count).
     */
    public <T> T append(String table, AppendWork<T> rows) {
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            T result = rows.append(appender);
            appender.flush();
            return result;
        } catch (SQLException e) {
            throw new EgregoraException("cannot append to " + table + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Runs one statement outside any result handling (DDL, bulk INSERT ... SELECT). Returns the update count. */
    public long execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
            return Math.max(st.getUpdateCount(), 0);
        } catch (SQLException e) {
            throw new EgregoraException("database error: " + firstLine(e.getMessage()), e);
        }
    }

    private void migrate(Collection<Migration> migrations) {
        execute("CREATE TABLE IF NOT EXISTS schema_migrations (module VARCHAR NOT NULL, version INTEGER NOT NULL, "
                + "description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp, PRIMARY KEY (module, version))");
        Set<String> applied = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT module, version FROM schema_migrations")) {
            while (rs.next()) {
                applied.add(rs.getString(1) + "#" + rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new EgregoraException("database error: " + firstLine(e.getMessage()), e);
        }
        List<Migration> pending = new ArrayList<>();
        for (Migration m : migrations) {
            if (!applied.contains(m.module() + "#" + m.version())) {
                pending.add(m);
            }
        }
        pending.sort(Migration.ORDER);
        for (Migration m : pending) {
            inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    for (String statement : statements(m.sql())) {
                        st.execute(statement);
                    }
                }
                try (var ps = c.prepareStatement(
                        "INSERT INTO schema_migrations (module, version, description) VALUES (?, ?, ?)")) {
                    ps.setString(1, m.module());
                    ps.setInt(2, m.version());
                    ps.setString(3, m.description());
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    /** Splits a script at {@code ;} outside quotes, dropping {@code --} comments and empty statements. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                current.append(c);
            } else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                while (i < script.length() && script.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
            } else if (c == ';') {
                addStatement(out, current);
            } else {
                current.append(c);
            }
        }
        addStatement(out, current);
        return out;
    }

    private static void addStatement(List<String> out, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    static String firstLine(String message) {
        String m = Objects.requireNonNullElse(message, "unknown error").strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new EgregoraException("cannot close the site database: " + firstLine(e.getMessage()), e);
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            closeQuietly(lockChannel);
        }
    }

    /** Work inside a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Rows fed to an appender. */
    @FunctionalInterface
    public interface AppendWork<T> {
        T append(DuckDBAppender appender) throws SQLException;
    }
}
