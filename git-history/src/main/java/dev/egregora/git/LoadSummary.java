package dev.egregora.git;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link GitHistoryLoader#load} did.
 *
 * @param repoId            id of the repository in {@code git_repos}
 * @param path              canonical path of the work tree (or of the bare repository)
 * @param bare              a bare repository
 * @param shallow           a shallow clone: history before its shallow commits is missing (and was not loaded)
 * @param defaultBranch     the branch HEAD points to, {@code null} when detached
 * @param headSha           the commit HEAD points to, {@code null} in an empty repository
 * @param remoteUrl         the origin (or first) remote's URL, or {@code null}
 * @param fullReload        everything was (re)loaded: first load, previous load shallow, or rename option changed
 * @param newCommits        commits added by this load
 * @param newChanges        file-change rows added by this load
 * @param droppedCommits    commits loaded before that no ref reaches any more (rewritten history), now removed
 * @param refs              refs recorded
 * @param totalCommits      commits of this repository in the database after the load
 * @param totalChanges      file-change rows of this repository in the database after the load
 * @param elapsed           wall time of the load
 */
public record LoadSummary(int repoId, String path, boolean bare, boolean shallow, String defaultBranch,
                          String headSha, String remoteUrl, boolean fullReload, long newCommits, long newChanges,
                          long droppedCommits, int refs, long totalCommits, long totalChanges, Duration elapsed) {

    /** True when commits loaded earlier had become unreachable (force-push, rebase, deleted branch). */
    public boolean historyRewritten() {
        return droppedCommits > 0;
    }

    /** A few human-readable lines for the CLI. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s%s: %,d new commits, %,d file changes, %,d refs in %d ms (%,d commits in total)",
                path, bare ? " (bare)" : "", newCommits, newChanges, refs, elapsed.toMillis(), totalCommits));
        if (droppedCommits > 0) {
            lines.add(String.format("history was rewritten: %,d commits no longer reachable from any ref were dropped",
                    droppedCommits));
        }
        if (shallow) {
            lines.add("shallow clone: only the history present was loaded; older commits are missing");
        }
        if (headSha != null) {
            lines.add("HEAD " + (defaultBranch == null ? "(detached)" : defaultBranch) + " at " + headSha);
        }
        return lines;
    }
}
