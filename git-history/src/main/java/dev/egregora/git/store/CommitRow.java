package dev.egregora.git.store;

import java.util.List;

/**
 * One {@code git_commits} row. Times are epoch seconds (UTC), zones are offsets in minutes east of UTC.
 */
public record CommitRow(String sha, List<String> parents,
                        String authorName, String authorEmail, long authorTime, int authorTz,
                        String committerName, String committerEmail, long committerTime, int committerTz,
                        String subject, String message) {
}
