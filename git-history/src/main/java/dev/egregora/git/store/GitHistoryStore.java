package dev.egregora.git.store;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.store.Workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads and writes the git-history tables of one workspace. Writes go through DuckDB's appender; callers wrap a
 * whole load in {@link #inTransaction} so a failed load leaves the database as it was. Not thread-safe (like the
 * workspace it wraps).
 */
public final class GitHistoryStore {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{4,64}");
    private static final int DELETE_CHUNK = 1000;

    private final Workspace workspace;

    public GitHistoryStore(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** Runs {@code work} in one database transaction (rolled back if it throws). */
    public <T> T inTransaction(Supplier<T> work) {
        return workspace.inTransaction(c -> work.get());
    }

    /**
     * Opens the write transaction with a statement: DuckDB starts a manual-commit transaction on the first statement,
     * and an appender used before any statement would commit on its own.
     */
    public void beginWrite() {
        workspace.execute("SELECT count(*) FROM git_repos");
    }

    /** The repository loaded from {@code path} (canonical absolute path), if any. */
    public Optional<RepoRow> repo(String path) {
        List<RepoRow> rows = repos("WHERE path = ?", path);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The most recently loaded repository, if any. */
    public Optional<RepoRow> latestRepo() {
        List<RepoRow> rows = repos("ORDER BY loaded_at DESC, id DESC LIMIT 1", null);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Every loaded repository, by id. */
    public List<RepoRow> repos() {
        return repos("ORDER BY id", null);
    }

    private List<RepoRow> repos(String tail, String param) {
        String sql = "SELECT id, path, git_dir, bare, default_branch, head_sha, remote_url, shallow, commit_count, "
                + "change_count, renames, coalesce(line_stats, false), loaded_at FROM git_repos " + tail;
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<RepoRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp loaded = rs.getTimestamp(13);
                    out.add(new RepoRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getLong(9),
                            rs.getLong(10), rs.getBoolean(11), rs.getBoolean(12),
                            loaded.toLocalDateTime().toInstant(ZoneOffset.UTC)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** An id for a repository not loaded before. */
    public int nextRepoId() {
        return (int) queryLong("SELECT coalesce(max(id), 0) + 1 FROM git_repos");
    }

    /** SHAs of the commits loaded for {@code repoId}. */
    public Set<String> commitShas(int repoId) {
        Set<String> out = new HashSet<>();
        try (Statement st = connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT sha FROM git_commits WHERE repo_id = " + repoId)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The refs recorded at the last load of {@code repoId}. */
    public List<RefRow> refs(int repoId) {
        List<RefRow> out = new ArrayList<>();
        try (Statement st = connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT name, sha, is_tag, is_remote FROM git_refs WHERE repo_id = "
                     + repoId + " ORDER BY name")) {
            while (rs.next()) {
                out.add(new RefRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Number of commit rows of {@code repoId}. */
    public long commitCount(int repoId) {
        return queryLong("SELECT count(*) FROM git_commits WHERE repo_id = " + repoId);
    }

    /** Number of file-change rows of {@code repoId}. */
    public long changeCount(int repoId) {
        return queryLong("SELECT count(*) FROM git_file_changes WHERE repo_id = " + repoId);
    }

    /** Removes every row of {@code repoId} except its {@code git_repos} row. */
    public void deleteHistory(int repoId) {
        workspace.execute("DELETE FROM git_file_changes WHERE repo_id = " + repoId);
        workspace.execute("DELETE FROM git_commits WHERE repo_id = " + repoId);
        workspace.execute("DELETE FROM git_refs WHERE repo_id = " + repoId);
    }

    /** Removes the given commits of {@code repoId} and their file changes. */
    public void deleteCommits(int repoId, Collection<String> shas) {
        List<String> all = new ArrayList<>(shas);
        for (int from = 0; from < all.size(); from += DELETE_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + DELETE_CHUNK));
            StringBuilder in = new StringBuilder();
            for (String sha : chunk) {
                if (!HEX.matcher(sha).matches()) {
                    throw new IllegalArgumentException("not a SHA: " + sha);
                }
                in.append(in.length() == 0 ? "'" : ",'").append(sha).append('\'');
            }
            workspace.execute("DELETE FROM git_file_changes WHERE repo_id = " + repoId + " AND sha IN (" + in + ")");
            workspace.execute("DELETE FROM git_commits WHERE repo_id = " + repoId + " AND sha IN (" + in + ")");
        }
    }

    /** Appends commit rows. */
    public long appendCommits(int repoId, Collection<CommitRow> commits) {
        return workspace.append("git_commits", a -> {
            for (CommitRow c : commits) {
                appendCommit(a, repoId, c);
            }
            return (long) commits.size();
        });
    }

    /** Appends file-change rows, batch after batch, through one appender (the iterator may block). */
    public long appendChanges(int repoId, Iterator<List<FileChangeRow>> batches) {
        return workspace.append("git_file_changes", a -> {
            long n = 0;
            while (batches.hasNext()) {
                for (FileChangeRow f : batches.next()) {
                    appendChange(a, repoId, f);
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * Appends batches of commits and their file changes as they arrive (the iterator may block), through two
     * appenders open side by side. Returns {commits, changes} appended.
     */
    public long[] appendBatches(int repoId, Iterator<HistoryBatch> batches) {
        long[] counts = new long[2];
        workspace.append("git_commits", commits -> workspace.append("git_file_changes", changes -> {
            while (batches.hasNext()) {
                HistoryBatch b = batches.next();
                for (CommitRow c : b.commits()) {
                    appendCommit(commits, repoId, c);
                }
                for (FileChangeRow f : b.changes()) {
                    appendChange(changes, repoId, f);
                }
                counts[0] += b.commits().size();
                counts[1] += b.changes().size();
            }
            return null;
        }));
        return counts;
    }

    private static void appendCommit(org.duckdb.DuckDBAppender a, int repoId, CommitRow c) throws SQLException {
        a.beginRow()
                .append(repoId)
                .append(c.sha())
                .append(c.parents())
                .append(c.authorName())
                .append(c.authorEmail())
                .appendEpochMicros(c.authorTime() * 1_000_000L)
                .append(c.authorTz())
                .append(c.committerName())
                .append(c.committerEmail())
                .appendEpochMicros(c.committerTime() * 1_000_000L)
                .append(c.committerTz())
                .append(c.subject())
                .append(c.message())
                .endRow();
    }

    private static void appendChange(org.duckdb.DuckDBAppender a, int repoId, FileChangeRow f) throws SQLException {
        a.beginRow()
                .append(repoId)
                .append(f.sha())
                .append(f.path())
                .append(f.oldPath())
                .append(TYPES[f.changeType()])
                .append(f.binary());
        if (f.linesAdded() == FileChangeRow.NO_STATS) {
            a.appendNull().appendNull();
        } else {
            a.append(f.linesAdded()).append(f.linesDeleted());
        }
        a.endRow();
    }

    private static final String[] TYPES = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            TYPES[c] = String.valueOf(c);
        }
    }

    /** Replaces the refs of {@code repoId}. */
    public void replaceRefs(int repoId, Collection<RefRow> refs) {
        workspace.execute("DELETE FROM git_refs WHERE repo_id = " + repoId);
        workspace.append("git_refs", a -> {
            for (RefRow r : refs) {
                a.beginRow().append(repoId).append(r.name()).append(r.sha()).append(r.tag()).append(r.remote())
                        .endRow();
            }
            return refs.size();
        });
    }

    /** Inserts or replaces the {@code git_repos} row. */
    public void upsertRepo(RepoRow r) {
        workspace.execute("DELETE FROM git_repos WHERE id = " + r.id());
        try (PreparedStatement ps = connection().prepareStatement(
                "INSERT INTO git_repos (id, path, git_dir, bare, default_branch, head_sha, remote_url, shallow, "
                        + "commit_count, change_count, renames, line_stats, loaded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, r.id());
            ps.setString(2, r.path());
            ps.setString(3, r.gitDir());
            ps.setBoolean(4, r.bare());
            ps.setString(5, r.defaultBranch());
            ps.setString(6, r.headSha());
            ps.setString(7, r.remoteUrl());
            ps.setBoolean(8, r.shallow());
            ps.setLong(9, r.commitCount());
            ps.setLong(10, r.changeCount());
            ps.setBoolean(11, r.renames());
            ps.setBoolean(12, r.lineStats());
            ps.setObject(13, LocalDateTime.ofInstant(r.loadedAt(), ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The whole history of {@code repoId} in columns: two bulk queries, no per-row lookups. */
    public HistoryColumns readHistory(int repoId) {
        int n = (int) commitCount(repoId);
        String[] sha = new String[n];
        String[] firstParent = new String[n];
        long[] commitTime = new long[n];
        long[] authorTime = new long[n];
        String[] authorName = new String[n];
        String[] subject = new String[n];
        try (Statement st = connection().createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT sha, parents[1], epoch(committer_time)::BIGINT, "
                    + "epoch(author_time)::BIGINT, author_name, subject FROM git_commits WHERE repo_id = " + repoId
                    + " ORDER BY sha")) {
                int i = 0;
                while (rs.next() && i < n) {
                    sha[i] = rs.getString(1);
                    firstParent[i] = rs.getString(2);
                    commitTime[i] = rs.getLong(3);
                    authorTime[i] = rs.getLong(4);
                    authorName[i] = rs.getString(5);
                    subject[i] = rs.getString(6);
                    i++;
                }
            }
            int m = (int) changeCount(repoId);
            int[] changeCommit = new int[m];
            String[] changePath = new String[m];
            String[] changeOld = new String[m];
            byte[] changeType = new byte[m];
            try (ResultSet rs = st.executeQuery("SELECT c.idx, f.path, f.old_path, f.change_type "
                    + "FROM git_file_changes f JOIN (SELECT sha, (row_number() OVER (ORDER BY sha) - 1)::INTEGER AS idx "
                    + "FROM git_commits WHERE repo_id = " + repoId + ") c ON f.sha = c.sha WHERE f.repo_id = "
                    + repoId)) {
                int j = 0;
                while (rs.next() && j < m) {
                    changeCommit[j] = rs.getInt(1);
                    changePath[j] = rs.getString(2);
                    changeOld[j] = rs.getString(3);
                    changeType[j] = (byte) rs.getString(4).charAt(0);
                    j++;
                }
            }
            return new HistoryColumns(sha, firstParent, commitTime, authorTime, authorName, subject,
                    changeCommit, changePath, changeOld, changeType);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private long queryLong(String sql) {
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Connection connection() {
        return workspace.connection();
    }

    private static EgregoraException failure(SQLException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return new EgregoraException("git-history database error: " + (nl < 0 ? m : m.substring(0, nl)), e);
    }

}
