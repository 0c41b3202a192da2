package dev.egregora.git;

import com.google.inject.Inject;
import dev.egregora.core.EgregoraException;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRevisions;
import dev.egregora.core.store.Workspace;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Revision dates for a site directory that is part of a git work tree whose {@code HEAD} tracks files under it: the
 * repository's history is loaded (incrementally: only new commits are walked) into the site's database, and page
 * dates come from one bulk lookup. Sites outside a repository, or in one that tracks nothing under the site
 * directory (e.g. an ignored build folder), get {@link RevisionDates#NONE} without loading anything.
 */
public final class GitSiteRevisions implements SiteRevisions {
    private final GitHistory history;

    @Inject
    public GitSiteRevisions(GitHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public RevisionDates of(Workspace site) {
        Optional<Tracking> found = workTreeTracking(site.site());
        if (found.isEmpty()) {
            return RevisionDates.NONE;
        }
        Path workTree = found.get().workTree();
        String base = found.get().prefix().isEmpty() ? "" : found.get().prefix() + "/";
        history.load(site, workTree);
        RevisionDates repo = history.revisionDates(site, workTree);
        return paths -> {
            List<String> query = new ArrayList<>(paths.size());
            paths.forEach(p -> query.add(base + p));
            Map<String, RevisionDates.Revision> got = repo.of(query);
            Map<String, RevisionDates.Revision> out = new HashMap<>(got.size() * 2);
            got.forEach((path, revision) -> out.put(path.substring(base.length()), revision));
            return out;
        };
    }

    /** A work tree and the site directory's path in it ({@code /}-separated, empty when they are the same). */
    record Tracking(Path workTree, String prefix) {
    }

    /**
     * The work tree around {@code site} when its HEAD tracks files under {@code site}. Found from the directory
     * alone (not from {@code GIT_DIR} and friends, which name the repository of the user's shell, not the site's).
     */
    static Optional<Tracking> workTreeTracking(Path site) {
        Path dir;
        try {
            dir = site.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.setMustExist(true).build()) {
            if (repo.isBare()) {
                return Optional.empty();
            }
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            Path relative = workTree.relativize(dir);
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null || relative.startsWith("..")) {
                return Optional.empty();
            }
            String prefix = relative.toString().replace('\\', '/');
            if (!prefix.isEmpty()) {
                try (RevWalk walk = new RevWalk(repo);
                     TreeWalk tracked = TreeWalk.forPath(repo, prefix, walk.parseCommit(head).getTree())) {
                    if (tracked == null) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new Tracking(workTree, prefix));
        } catch (IOException e) {
            throw new EgregoraException("cannot read the git repository around " + site + ": " + e.getMessage(), e);
        }
    }
}
