package dev.egregora.git.store;

import java.time.Instant;

/** One {@code git_repos} row; {@code renames} and {@code lineStats} are the options the history was loaded with. */
public record RepoRow(int id, String path, String gitDir, boolean bare, String defaultBranch, String headSha,
                      String remoteUrl, boolean shallow, long commitCount, long changeCount, boolean renames,
                      boolean lineStats, Instant loadedAt) {
}
