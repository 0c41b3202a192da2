package dev.egregora.git.store;

/**
 * One {@code git_file_changes} row: {@code changeType} is one of {@code A M D T R C}; {@code oldPath} is set for
 * R and C only; {@code linesAdded} and {@code linesDeleted} are {@link #NO_STATS} when not computed (line stats
 * off, a binary side, or a blob too large to diff in memory).
 */
public record FileChangeRow(String sha, String path, String oldPath, char changeType, boolean binary,
                            int linesAdded, int linesDeleted) {
    /** Line stats not computed: stored as NULL. */
    public static final int NO_STATS = -1;

    /** A row without line stats. */
    public FileChangeRow(String sha, String path, String oldPath, char changeType, boolean binary) {
        this(sha, path, oldPath, changeType, binary, NO_STATS, NO_STATS);
    }
}
