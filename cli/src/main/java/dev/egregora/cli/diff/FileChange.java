package dev.egregora.cli.diff;

import java.util.Objects;

/**
 * One file that differs between two site trees.
 *
 * @param path   path relative to the site root, with {@code /} separators
 * @param kind   added (only in B), removed (only in A) or changed (in both, different bytes)
 * @param hashA  SHA-256 hex of the file in A, {@code null} when added
 * @param hashB  SHA-256 hex of the file in B, {@code null} when removed
 */
public record FileChange(String path, Kind kind, String hashA, String hashB) {

    /** What happened to a file between A and B. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }
}
