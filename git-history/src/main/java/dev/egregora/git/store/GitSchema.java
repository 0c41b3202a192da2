package dev.egregora.git.store;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;

import java.util.List;

/** The module's own tables ({@code git_repos}, {@code git_commits}, {@code git_file_changes}, {@code git_refs}). */
public final class GitSchema {
    public static final String MODULE = "git-history";

    private GitSchema() {
    }

    /** The migrations to bind into core's {@code Set<Migration>} (and to pass to {@code Workspace.open}). */
    public static List<Migration> migrations() {
        return List.of(new Migration(MODULE, 1, "git_repos, git_commits, git_file_changes, git_refs",
                        CoreSchema.sqlResource(GitSchema.class, "git-history-v1.sql")),
                new Migration(MODULE, 2, "git_repos.line_stats",
                        CoreSchema.sqlResource(GitSchema.class, "git-history-v2.sql")));
    }
}
