package dev.egregora.git;

import com.google.inject.Inject;
import dev.egregora.core.EgregoraException;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.store.Workspace;
import dev.egregora.git.store.GitHistoryStore;
import dev.egregora.git.store.RefRow;
import dev.egregora.git.store.RepoRow;
import org.eclipse.jgit.lib.Constants;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The git-history facade the CLI and the pipeline call: load a repository into a site's database, then answer
 * "which commit was HEAD then", "when was this file created/updated and by whom", revision dates in bulk, and code
 * references in chat text. Queries use the most recently loaded repository of the workspace (or the one given).
 * Thread-safe (stateless); the workspace it is handed is not.
 */
public final class GitHistory {
    private final GitHistoryLoader loader;

    @Inject
    public GitHistory(GitHistoryLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** Loads or updates {@code repo}'s history (see {@link GitHistoryLoader}). */
    public LoadSummary load(Workspace workspace, Path repo, LoadOptions options) {
        return loader.load(workspace, repo, options);
    }

    /**
     * Loads or updates {@code repo}'s history with the rename and line-stats settings it was last loaded with
     * ({@link LoadOptions#defaults()} the first time), so the automatic updates of {@code build} and {@code write
     * --repo} stay incremental after a {@code git-history load --renames/--line-stats}.
     */
    public LoadSummary load(Workspace workspace, Path repo) {
        LoadOptions options = LoadOptions.defaults();
        Optional<RepoRow> previous = new GitHistoryStore(workspace).repo(GitHistoryLoader.canonical(repo));
        if (previous.isPresent()) {
            options = options.withRenames(previous.get().renames()).withLineStats(previous.get().lineStats());
        }
        return load(workspace, repo, options);
    }

    /** The loaded repository queries use: the most recently loaded one. */
    public Optional<RepoRow> repository(Workspace workspace) {
        return new GitHistoryStore(workspace).latestRepo();
    }

    /**
     * The commit that was the tip of {@code branch} ({@code null}: the default branch) at {@code at}; empty when
     * the branch had no commit yet. Throws when nothing is loaded or the branch is unknown.
     */
    public Optional<CommitInfo> resolveAt(Workspace workspace, Instant at, String branch) {
        return resolver(workspace, branch).at(at);
    }

    /** Created/updated dates and authors of {@code path} on the default branch; empty when it has no history. */
    public Optional<FileHistory> file(Workspace workspace, String path) {
        return resolver(workspace, null).file(normalize(path));
    }

    /** A resolver over the latest loaded repository, following {@code branch} ({@code null}: default branch). */
    public GitHistoryResolver resolver(Workspace workspace, String branch) {
        GitHistoryStore store = new GitHistoryStore(workspace);
        RepoRow repo = store.latestRepo().orElseThrow(() -> new EgregoraException(
                "no git history loaded in " + workspace.site() + ": run 'egregora git-history load REPO' first"));
        return resolver(store, repo, branch);
    }

    private static GitHistoryResolver resolver(GitHistoryStore store, RepoRow repo, String branch) {
        List<RefRow> refs = store.refs(repo.id());
        String name;
        String tip;
        if (branch == null) {
            name = repo.defaultBranch();
            tip = repo.headSha();
        } else {
            RefRow ref = findRef(refs, branch).orElseThrow(() -> new EgregoraException(
                    "no branch or tag '" + branch + "' in the history loaded from " + repo.path()));
            name = branch;
            tip = ref.sha();
        }
        return GitHistoryResolver.of(store.readHistory(repo.id()), name, tip);
    }

    private static Optional<RefRow> findRef(List<RefRow> refs, String name) {
        for (String candidate : List.of(name, Constants.R_HEADS + name, Constants.R_TAGS + name,
                Constants.R_REMOTES + name)) {
            for (RefRow r : refs) {
                if (r.name().equals(candidate)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Revision dates from the default branch of the latest loaded repository, or {@link RevisionDates#NONE} when
     * no history is loaded. Paths are repository-relative, {@code /}-separated.
     */
    public RevisionDates revisionDates(Workspace workspace) {
        GitHistoryStore store = new GitHistoryStore(workspace);
        Optional<RepoRow> repo = store.latestRepo();
        if (repo.isEmpty()) {
            return RevisionDates.NONE;
        }
        return resolver(store, repo.get(), null);
    }

    /**
     * Revision dates from the default branch of the repository loaded from {@code repo} (its work tree, or its git
     * dir when bare). Throws when that repository is not loaded.
     */
    public RevisionDates revisionDates(Workspace workspace, Path repo) {
        GitHistoryStore store = new GitHistoryStore(workspace);
        return resolver(store, loaded(store, repo), null);
    }

    /** A detector of commit SHAs and file paths in chat text for the repository loaded from {@code repo}. */
    public CodeReferenceDetector codeReferences(Workspace workspace, Path repo) {
        GitHistoryStore store = new GitHistoryStore(workspace);
        RepoRow row = loaded(store, repo);
        return new CodeReferenceDetector(resolver(store, row, null), row.remoteUrl());
    }

    private static RepoRow loaded(GitHistoryStore store, Path repo) {
        return store.repo(GitHistoryLoader.canonical(repo)).orElseThrow(() -> new EgregoraException(
                "the history of " + repo + " is not loaded: run 'egregora git-history load " + repo + "' first"));
    }

    /**
     * A detector of commit SHAs and file paths in chat text for the latest loaded repository (links when its
     * remote is on GitHub). Throws when nothing is loaded.
     */
    public CodeReferenceDetector codeReferences(Workspace workspace) {
        GitHistoryStore store = new GitHistoryStore(workspace);
        RepoRow repo = store.latestRepo().orElseThrow(() -> new EgregoraException(
                "no git history loaded in " + workspace.site() + ": run 'egregora git-history load REPO' first"));
        return new CodeReferenceDetector(resolver(store, repo, null), repo.remoteUrl());
    }

    static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }
}
