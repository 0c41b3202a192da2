package dev.egregora.git.store;

/**
 * One {@code git_file_changes} row: {@code changeType} is one of {@code A M D T R C}; {@code oldPath} is set for
 * R and C only.
 */
public record FileChangeRow(String sha, String path, String oldPath, char changeType, boolean binary) {
}
