package dev.egregora.git.store;

/**
 * A repository's loaded history as columns, read with two bulk queries: commits sorted by SHA (index {@code i} is
 * the commit's position in {@code sha}), and every file change pointing at its commit by that index.
 *
 * @param sha           commit SHAs, ascending
 * @param firstParent   first parent SHA per commit, or {@code null} for roots and shallow commits
 * @param commitTime    committer time, epoch seconds
 * @param authorTime    author time, epoch seconds
 * @param authorName    author name
 * @param subject       subject line
 * @param changeCommit  per change: index into the commit columns
 * @param changePath    per change: path after the change
 * @param changeOldPath per change: source path of a rename/copy, else {@code null}
 * @param changeType    per change: one of {@code A M D T R C}
 */
public record HistoryColumns(String[] sha, String[] firstParent, long[] commitTime, long[] authorTime,
                             String[] authorName, String[] subject,
                             int[] changeCommit, String[] changePath, String[] changeOldPath, byte[] changeType) {
}
